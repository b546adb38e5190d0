// The status panel: GET /api/status every 30 s (same document as `feedwatch status --json`). Built with DOM calls
// and textContent only, so nothing read from the stores (feed errors, sink messages) is ever parsed as HTML.
(function () {
  'use strict';
  const panel = document.getElementById('status-panel');
  if (!panel) return;

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function when(value) {
    return value ? new Date(value).toLocaleString() : 'never';
  }

  function render(status) {
    panel.replaceChildren();
    panel.appendChild(el('span', 'state ' + (status.healthy ? 'ok' : 'attention'), status.healthy ? 'Healthy' : 'Needs attention'));
    for (const queue of status.queues) {
      const item = el('span', null, queue.stage + ': ' + queue.depth);
      if (queue.poison > 0) item.appendChild(el('span', 'poison', ' (' + queue.poison + ' poison)'));
      panel.appendChild(item);
    }
    const feeds = status.feeds;
    panel.appendChild(el('span', null, 'feeds: ' + feeds.ok + ' ok, ' + feeds.failing + ' failing, ' + feeds.backingOff + ' backing off, ' + feeds.gone + ' gone'));
    panel.appendChild(el('span', 'muted', 'last poll ' + when(status.lastPollAt) + ' · last article ' + when(status.lastArticleAt) + ' · last alert ' + when(status.lastAlertAt)));
    const problems = status.attention.slice();
    for (const feed of feeds.worst) problems.push('feed ' + feed.feedId + ' ' + feed.state + ' (' + feed.consecutiveFailures + '×): ' + (feed.lastError || ''));
    for (const sink of status.sinks) if (sink.parked > 0) problems.push('sink ' + sink.name + ': ' + sink.parked + ' parked — ' + (sink.lastError || ''));
    if (problems.length > 0) {
      const details = el('details');
      details.appendChild(el('summary', null, problems.length + ' item(s) to look at'));
      const list = el('ul');
      for (const text of problems) list.appendChild(el('li', null, text));
      details.appendChild(list);
      panel.appendChild(details);
    }
  }

  async function refresh() {
    try {
      // 503 carries the same document (something needs attention), so read the body either way.
      const response = await fetch('/api/status', { headers: { accept: 'application/json' } });
      render(await response.json());
    } catch (error) {
      panel.replaceChildren(el('span', 'state attention', 'Status unavailable: ' + error.message));
    }
  }

  refresh();
  setInterval(refresh, 30000);
})();
