// Drag-and-drop reordering of a rank order list, as progressive enhancement of the editor's forms.
// The page works without it: the ↑ and ↓ buttons post the whole list and the server moves one rank.
// With it, dropping a rank on another puts it at that rank's place and saves the new order at once,
// as a draft, through the same form route as the "Save as draft" button (same fields, same CSRF
// token), then says in the page's live region where the rank went and whether the draft was saved.
(function () {
  'use strict';

  function rows(container) {
    return Array.prototype.filter.call(container.children, function (row) { return row.hasAttribute('data-item'); });
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  /** The ↑ of the first rank and the ↓ of the last are disabled, as the server renders them; the rank numbers follow the order. */
  function renumber(container) {
    var all = rows(container);
    all.forEach(function (row, i) {
      var up = row.querySelector('button[value^="up:"]');
      var down = row.querySelector('button[value^="down:"]');
      if (up) up.disabled = i === 0;
      if (down) down.disabled = i === all.length - 1;
      var number = row.querySelector('[data-rank-number]');
      if (number) number.textContent = String(i + 1);
      if (/^rank-\d+$/.test(row.id)) row.id = 'rank-' + (i + 1);
      if (up && up.id) up.id = 'up-' + (i + 1);
      if (down && down.id) down.id = 'down-' + (i + 1);
    });
  }

  function save(container, row) {
    var form = container.closest('form');
    var live = document.getElementById(container.getAttribute('data-live'));
    var body = new URLSearchParams(new FormData(form));
    body.append('action', 'save');
    var position = rows(container).indexOf(row) + 1;
    var count = rows(container).length;
    live.textContent = '';
    fetch(form.getAttribute('action'), {
      method: 'POST',
      body: body,
      credentials: 'same-origin',
      headers: { 'Accept': 'text/html' }
    }).then(function (response) {
      if (!response.ok) throw new Error('HTTP ' + response.status);
      // The order is saved now: a reload must show the saved draft, not the unsaved order a move left in the address.
      if (window.history && response.url) window.history.replaceState(null, '', response.url);
      return response.text();
    }).then(function (html) {
      // The saved draft changes what the page says is in force: take the status from the page the server returned.
      var status = document.getElementById(container.getAttribute('data-status'));
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById(status ? status.id : '');
      if (status && fresh) status.replaceWith(document.importNode(fresh, true));
      live.textContent = fill(container.getAttribute('data-moved'),
          { name: row.getAttribute('data-label'), position: String(position), count: String(count) });
    }).catch(function () {
      live.textContent = container.getAttribute('data-failed');
    });
  }

  function enhance(container) {
    var dragged = null;
    var hint = document.getElementById(container.getAttribute('data-hint'));
    if (hint) hint.hidden = false;
    rows(container).forEach(function (row) {
      row.draggable = true;
      row.classList.add('draggable');
    });

    function target(event) {
      var row = event.target.closest ? event.target.closest('[data-item]') : null;
      return row && row.parentNode === container ? row : null;
    }

    function clearTargets() {
      rows(container).forEach(function (row) { row.classList.remove('drop-target'); });
    }

    container.addEventListener('dragstart', function (event) {
      var row = target(event);
      if (!row) return;
      dragged = row;
      row.classList.add('dragging');
      event.dataTransfer.effectAllowed = 'move';
      // Firefox starts a drag only when it carries data.
      event.dataTransfer.setData('text/plain', row.getAttribute('data-label'));
    });
    container.addEventListener('dragover', function (event) {
      if (!dragged) return;
      var row = target(event);
      if (!row) return;
      event.preventDefault();
      event.dataTransfer.dropEffect = 'move';
      clearTargets();
      if (row !== dragged) row.classList.add('drop-target');
    });
    container.addEventListener('drop', function (event) {
      var row = target(event);
      if (!dragged || !row) return;
      event.preventDefault();
      var moved = dragged;
      clearTargets();
      moved.classList.remove('dragging');
      dragged = null;
      if (row === moved) return;
      // The dropped rank takes the place of the one it was dropped on: downwards after it, upwards before it.
      var all = rows(container);
      container.insertBefore(moved, all.indexOf(moved) < all.indexOf(row) ? row.nextSibling : row);
      renumber(container);
      save(container, moved);
    });
    container.addEventListener('dragend', function () {
      clearTargets();
      if (dragged) dragged.classList.remove('dragging');
      dragged = null;
    });
  }

  /**
   * After a ↑ or ↓ (a whole page load), the focus goes back to the moved item's button, pressed again
   * or, at the top or the bottom, its other one, so a keyboard user can keep moving it.
   */
  function restoreFocus(container) {
    var moved = container.getAttribute('data-focus');
    if (!moved) return;
    var row = rows(container).filter(function (r) { return r.getAttribute('data-item') === moved; })[0];
    if (!row) return;
    var dir = new URLSearchParams(window.location.search).get('dir') === 'down' ? ['down', 'up'] : ['up', 'down'];
    var buttons = dir.map(function (d) {
      return Array.prototype.filter.call(row.querySelectorAll('button'), function (b) { return b.value === d + ':' + moved; })[0];
    });
    var button = buttons[0] && !buttons[0].disabled ? buttons[0] : buttons[1];
    if (button && !button.disabled) {
      button.focus();
    } else {
      row.tabIndex = -1;
      row.focus();
    }
  }

  /** Says in the live region where the moved item went, after the load, so that screen readers hear a change. */
  function announceMove(container) {
    var live = document.getElementById(container.getAttribute('data-live'));
    var text = container.getAttribute('data-announce');
    if (live && text) window.setTimeout(function () { live.textContent = text; }, 100);
  }

  document.querySelectorAll('[data-reorder]').forEach(function (container) {
    enhance(container);
    announceMove(container);
    // The address's fragment names the button to land on, and the browser focuses it when it has
    // scrolled there; only if it did not (an older browser) is the focus put back here.
    window.addEventListener('load', function () {
      window.setTimeout(function () {
        if (!document.activeElement || document.activeElement === document.body) restoreFocus(container);
      }, 0);
    });
  });
})();
