// The preview's script: served by `pipeline serve`, never written to dist/.
// It reloads the page when a new build is ready, and shows each finding on the page.
(() => {
  const settings = PIPELINE_PREVIEW;
  const events = new EventSource(settings.events);
  events.onmessage = (event) => {
    if (Number(event.data) !== settings.generation) location.reload();
  };

  const panel = document.getElementById("pipeline-findings");
  const status = document.getElementById("pipeline-status");
  let marked = null;

  function clear() {
    if (marked) marked.classList.remove("pipeline-target");
    marked = null;
    if (window.CSS && CSS.highlights) CSS.highlights.delete("pipeline");
  }

  // The range of the page's text (outside the panel) that reads as the quote, spaces aside.
  function rangeOf(quote) {
    const wanted = quote.replace(/\s+/g, " ").trim();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        panel.contains(node) || node.parentElement.closest("script, style")
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    let text = "";
    const places = []; // for each character of `text`: [node, offset]
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.data.length; i++) {
        const space = /\s/.test(node.data[i]);
        if (space && (text === "" || text.endsWith(" "))) continue;
        text += space ? " " : node.data[i];
        places.push([node, i]);
      }
    }
    const start = text.indexOf(wanted);
    if (start === -1 || wanted === "") return null;
    const range = document.createRange();
    const [first, firstOffset] = places[start];
    const [last, lastOffset] = places[start + wanted.length - 1];
    range.setStart(first, firstOffset);
    range.setEnd(last, lastOffset + 1);
    return range;
  }

  function show(target) {
    clear();
    const element = target.selector ? document.querySelector(target.selector) : null;
    if (element) {
      marked = element;
      element.classList.add("pipeline-target");
      element.scrollIntoView({ block: "center" });
      return "The element is highlighted on the page.";
    }
    const range = target.quote ? rangeOf(target.quote) : null;
    if (range && window.CSS && CSS.highlights) {
      CSS.highlights.set("pipeline", new Highlight(range));
      range.startContainer.parentElement.scrollIntoView({ block: "center" });
      return "The text is highlighted on the page.";
    }
    return "This finding has no single place on the page: see its file and line.";
  }

  panel.addEventListener("click", (event) => {
    const button = event.target.closest("button[data-target]");
    if (button) status.textContent = show(JSON.parse(button.dataset.target));
  });
})();
