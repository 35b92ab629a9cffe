// The widget's markup: a constant template, so no outside text ever goes through innerHTML.
export const SHELL = `
<div class="hcg">
  <button type="button" class="launcher" aria-expanded="false" aria-controls="hcg-panel">
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false"><path fill="currentColor"
      d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z"/></svg>
    <span>Chat about health careers</span>
  </button>
  <section class="panel" id="hcg-panel" aria-labelledby="hcg-title" hidden>
    <div class="head">
      <h2 id="hcg-title">Health Careers Guide</h2>
      <button type="button" class="end">End chat</button>
      <button type="button" class="close" aria-label="Close chat">&times;</button>
    </div>
    <p class="intro">Ask about health jobs, training, and ways to pay for school.
      Please don't share private details like your address.</p>
    <p class="status" role="status"></p>
    <div class="log" role="log" aria-live="polite" aria-label="Conversation" tabindex="0"></div>
    <form class="composer">
      <label class="sr" for="hcg-input">Your message</label>
      <input id="hcg-input" type="text" autocomplete="off" maxlength="1000"
        placeholder="Type your question" enterkeyhint="send">
      <button type="submit" disabled>Send</button>
    </form>
    <p class="help">In danger or thinking about hurting yourself? Call or text <a href="tel:988">988</a>.</p>
  </section>
</div>`;
