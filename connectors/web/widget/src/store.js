// localStorage can be missing or blocked (private browsing); then the session lasts the page.
const memory = new Map();
export const store = {
  get(key) {
    try { return window.localStorage.getItem(key); } catch (e) { return memory.get(key) || null; }
  },
  set(key, value) {
    try { window.localStorage.setItem(key, value); } catch (e) { memory.set(key, value); }
  },
  remove(key) {
    try { window.localStorage.removeItem(key); } catch (e) { memory.delete(key); }
  },
};
