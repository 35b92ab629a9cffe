// Markdown links [label](https://...) and bare http(s) URLs become links; all else stays text.
const LINK = /\[([^\]\n]+)\]\((https?:\/\/[^\s)]+)\)|(https?:\/\/[^\s<>"']+)/g;

function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch (e) {
    return null;
  }
}

export function appendRichText(parent, text) {
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parent.append(document.createTextNode(text.slice(last, match.index)));
    let label = match[1];
    let url = match[2];
    let trailing = "";
    if (!url) {
      url = match[3];
      // Sentence punctuation right after a URL belongs to the sentence.
      const tail = url.match(/[.,;:!?)\]]+$/);
      if (tail) {
        trailing = tail[0];
        url = url.slice(0, -trailing.length);
      }
      label = url;
    }
    const href = safeHref(url);
    if (href) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = label;
      link.target = "_blank";
      link.rel = "noopener noreferrer";
      parent.append(link);
    } else {
      parent.append(document.createTextNode(match[0]));
    }
    if (trailing) parent.append(document.createTextNode(trailing));
    last = match.index + match[0].length;
  }
  parent.append(document.createTextNode(text.slice(last)));
}
