// The Health Careers Guide chat widget. One tag embeds it on any page:
//   <script src="https://chat.example.org/webhooks/web/widget.js" data-server="https://chat.example.org" defer></script>
// Everything it needs (socket.io client, styles) is in this one bundle; nothing loads from a CDN.
import { io } from "socket.io-client";
import css from "./widget.css";
import { appendRichText } from "./richtext.js";
import { PREFIX, TooManyChats, post, requestToken, serverFrom, waitWords } from "./server.js";
import { SHELL } from "./shell.js";
import { dropLongLived, store } from "./store.js";

const REFUSED = "session refused"; // what the server says about a bad, expired or ended token
const ROTATE = "session_rotate"; // the server ended this session (End chat, start over, forget me)
const TYPING_TIMEOUT_MS = 20000;

function createWidget(script) {
  const server = serverFrom(script);
  const tokenKey = `hcg-web-session:${server}`;
  const openKey = `hcg-web-open:${server}`;
  dropLongLived(tokenKey, openKey);

  const host = document.createElement("div");
  host.setAttribute("data-hcg-widget", "");
  const root = host.attachShadow({ mode: "open" });
  const style = document.createElement("style");
  style.textContent = css;
  root.append(style);
  const template = document.createElement("template");
  template.innerHTML = SHELL;
  root.append(template.content);
  document.body.append(host);

  const launcher = root.querySelector(".launcher");
  const panel = root.querySelector(".panel");
  const closeButton = root.querySelector(".close");
  const endButton = root.querySelector(".end");
  const status = root.querySelector(".status");
  const log = root.querySelector(".log");
  const form = root.querySelector(".composer");
  const input = root.querySelector("#hcg-input");
  const sendButton = form.querySelector("button");

  let socket = null;
  let token = null;
  let triedFreshToken = false;
  let typing = null;
  let typingTimer = null;
  let retryTimer = null;
  // The bot's messages since the person last wrote: kept on screen when the session changes.
  let lastTurn = [];
  let carried = [];

  function setStatus(text) {
    status.textContent = text;
  }

  function setOnline(online) {
    sendButton.disabled = !online;
    if (online) setStatus("");
  }

  function scrollDown() {
    log.scrollTop = log.scrollHeight;
  }

  function hideTyping() {
    clearTimeout(typingTimer);
    if (typing) typing.remove();
    typing = null;
  }

  function showTyping() {
    hideTyping();
    typing = document.createElement("div");
    typing.className = "typing";
    typing.setAttribute("aria-hidden", "true");
    typing.textContent = "Guide is typing…";
    log.append(typing);
    typingTimer = setTimeout(hideTyping, TYPING_TIMEOUT_MS);
    scrollDown();
  }

  function removeQuickReplies() {
    root.querySelectorAll(".quick").forEach((group) => group.remove());
  }

  function addMessage(who, text) {
    const bubble = document.createElement("div");
    bubble.className = `msg ${who}`;
    const speaker = document.createElement("span");
    speaker.className = "sr";
    speaker.textContent = who === "bot" ? "Guide said: " : "You said: ";
    bubble.append(speaker);
    if (who === "bot") appendRichText(bubble, text);
    else bubble.append(document.createTextNode(text));
    (typing ? typing.before(bubble) : log.append(bubble));
    scrollDown();
  }

  function addQuickReplies(buttons) {
    const group = document.createElement("div");
    group.className = "quick";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Suggested replies");
    for (const { title, payload } of buttons) {
      if (typeof title !== "string" || typeof payload !== "string") continue;
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = title;
      button.addEventListener("click", () => {
        send(payload, title);
        input.focus();
      });
      group.append(button);
    }
    log.append(group);
    scrollDown();
  }

  function addBotMessage(message) {
    if (!message || typeof message !== "object") return;
    lastTurn.push(message);
    if (typeof message.text === "string" && message.text) addMessage("bot", message.text);
    if (Array.isArray(message.buttons) && message.buttons.length) {
      removeQuickReplies();
      addQuickReplies(message.buttons);
    }
  }

  function drawHistory(history) {
    // Redrawn in one go; aria-busy keeps screen readers from reading the old chat aloud again.
    log.setAttribute("aria-busy", "true");
    hideTyping();
    log.replaceChildren();
    for (const item of history || []) {
      if (item.from === "user") addMessage("user", String(item.text || ""));
      else addBotMessage(item);
    }
    for (const message of carried) addBotMessage(message);
    carried = [];
    log.setAttribute("aria-busy", "false");
  }

  function send(message, title) {
    if (!socket || !socket.connected) return false;
    removeQuickReplies();
    lastTurn = [];
    addMessage("user", title || message);
    socket.emit("user_uttered", title ? { message, title } : { message });
    showTyping();
    return true;
  }

  async function fetchToken(previous) {
    const fresh = await requestToken(server, previous);
    store.set(tokenKey, fresh);
    return fresh;
  }

  function unavailable(error) {
    setOnline(false);
    if (error instanceof TooManyChats) {
      setStatus(`Lots of chats were started from your network just now. Please wait ${waitWords(error.seconds)}, then try again.`);
      // Try again by itself once the wait is over, if the chat is still open.
      clearTimeout(retryTimer);
      retryTimer = setTimeout(() => { if (!panel.hidden) connect(); }, error.seconds * 1000);
    } else {
      setStatus("Sorry, the chat isn't available right now. Please try again later.");
    }
    if (socket) socket.disconnect();
    socket = null;
  }

  function forgetLocally() {
    store.remove(tokenKey);
    token = null;
    if (socket) {
      socket.off();
      socket.disconnect();
    }
    socket = null;
    hideTyping();
    log.replaceChildren();
  }

  // Start over and forget me end the session on the server: continue in a new one, showing only
  // the answer to the request. End chat elsewhere (another tab) clears this one too.
  async function rotate(reason) {
    const previous = reason === "start_over" ? token : null;
    carried = reason === "ended" ? [] : lastTurn.slice();
    forgetLocally();
    if (reason === "ended") {
      setStatus("This chat was ended.");
      return setOpen(false, { focus: false });
    }
    connect(previous);
  }

  async function endChat() {
    const ending = token;
    forgetLocally();
    carried = [];
    store.set(openKey, "0");
    setOnline(false);
    if (ending) {
      try {
        await post(server, "/session/end", { token: ending });
      } catch (e) {
        // The token is gone from this browser all the same; the server lets it expire.
      }
    }
    // Closed, focus back on the launcher: the next person opens a new, empty chat.
    setOpen(false);
  }

  function openSocket() {
    socket = io(server, {
      path: `${PREFIX}/socket.io`,
      // Read on every (re)connection, so a renewed token is used at once.
      auth: (callback) => callback({ token }),
      reconnectionDelayMax: 10000,
    });
    socket.on("connect", () => {
      triedFreshToken = false;
      // Ready once the chat so far is drawn: drawing it replaces the log, so a message sent
      // before then would vanish from view.
      socket.emit("session_request", {}, (reply) => {
        drawHistory(reply && reply.history);
        setOnline(true);
      });
    });
    socket.on("connect_error", async (error) => {
      setOnline(false);
      if (error && error.message === REFUSED) {
        // The saved session expired or is not valid here: start a new one, once.
        store.remove(tokenKey);
        if (triedFreshToken) return unavailable();
        triedFreshToken = true;
        try {
          token = await fetchToken();
          socket.connect();
        } catch (e) {
          unavailable(e);
        }
      } else {
        setStatus("Reconnecting…");
      }
    });
    socket.on("disconnect", (reason) => {
      setOnline(false);
      hideTyping();
      if (reason === "io client disconnect") return;
      setStatus("Reconnecting…");
      // The server hung up on purpose; socket.io leaves it to us to try again.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("bot_uttered", (message) => {
      hideTyping();
      addBotMessage(message);
    });
    socket.on(ROTATE, (message) => rotate(message && message.reason));
    socket.on("user_echo", (message) => {
      removeQuickReplies();
      if (message && typeof message.text === "string") addMessage("user", message.text);
    });
  }

  async function connect(previous) {
    if (socket) return;
    setOnline(false);
    setStatus("Connecting…");
    try {
      token = store.get(tokenKey) || (await fetchToken(previous));
      openSocket();
    } catch (e) {
      unavailable(e);
    }
  }

  function setOpen(open, { focus = true } = {}) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    store.set(openKey, open ? "1" : "0");
    if (open) {
      connect();
      if (focus) input.focus();
    } else if (focus) {
      launcher.focus();
    }
  }

  launcher.addEventListener("click", () => setOpen(panel.hidden));
  closeButton.addEventListener("click", () => setOpen(false));
  endButton.addEventListener("click", endChat);
  panel.addEventListener("keydown", (event) => {
    if (event.key === "Escape") setOpen(false);
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (text && send(text)) input.value = "";
  });

  // Came back after a reload with the chat open: reopen it where the person left off.
  if (store.get(openKey) === "1") setOpen(true, { focus: false });
}

(function start() {
  if (window.__healthCareersWidget) return;
  window.__healthCareersWidget = true;
  const script = document.currentScript;
  if (document.body) createWidget(script);
  else document.addEventListener("DOMContentLoaded", () => createWidget(script));
})();
