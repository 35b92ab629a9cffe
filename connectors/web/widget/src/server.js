// The widget's HTTP calls to the chat server: where it is, and asking for a session.
export const PREFIX = "/webhooks/web";

export function serverFrom(script) {
  const attr = script && script.getAttribute("data-server");
  if (attr) return attr.replace(/\/+$/, "");
  if (script && script.src) return new URL(script.src, window.location.href).origin;
  return window.location.origin;
}

// text/plain keeps these cross-site POSTs "simple" (no preflight); the server reads JSON.
export function post(server, path, body) {
  return fetch(`${server}${PREFIX}${path}`, {
    method: "POST",
    credentials: "omit",
    cache: "no-store",
    headers: { "Content-Type": "text/plain" },
    body: JSON.stringify(body || {}),
  });
}

// Too many new chats from one network (429): how long to wait, from Retry-After.
export class TooManyChats extends Error {
  constructor(seconds) {
    super("too many new chats");
    this.seconds = seconds;
  }
}

// previous: the token of the session this one continues (start over), so that "forget me"
// later reaches both.
export async function requestToken(server, previous) {
  const reply = await post(server, "/session", previous ? { previous } : {});
  if (reply.status === 429) {
    // Unreadable (a site that does not let us see the header) or odd: a minute, the usual wait.
    const seconds = parseInt(reply.headers.get("Retry-After") || "", 10);
    throw new TooManyChats(Number.isFinite(seconds) && seconds > 0 ? seconds : 60);
  }
  if (!reply.ok) throw new Error(`session request failed (${reply.status})`);
  const body = await reply.json();
  return body.token;
}

// "a minute", "about 5 minutes", "about an hour": how long to wait, in words read at a glance.
export function waitWords(seconds) {
  if (seconds <= 90) return "a minute";
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return hours <= 1 ? "about an hour" : `about ${hours} hours`;
}
