// The session token and whether the chat is open, kept for this tab only (sessionStorage): a
// reload keeps the conversation, but closing the tab ends it for this browser, so the next person
// at a shared computer (a school lab, a library) never opens the last person's chat. When storage
// is blocked (some private modes), the session lasts the page.
const memory = new Map();
export const store = {
  get(key) {
    try { return window.sessionStorage.getItem(key); } catch (e) { return memory.get(key) || null; }
  },
  set(key, value) {
    try { window.sessionStorage.setItem(key, value); } catch (e) { memory.set(key, value); }
  },
  remove(key) {
    try { window.sessionStorage.removeItem(key); } catch (e) { memory.delete(key); }
  },
};

// Earlier versions kept these keys in localStorage, where they outlived the tab: drop what they left.
export function dropLongLived(...keys) {
  try {
    for (const key of keys) window.localStorage.removeItem(key);
  } catch (e) {
    // Storage blocked: nothing was kept there either.
  }
}
