// Progressive enhancement only: everything works without this file.
// - "Copy" buttons next to the citation and BibTeX.
// - "/" focuses the search box (unless typing in a field).
// - Facet counts that were slow to make are fetched after the results (without this, a link shows them).
document.addEventListener('DOMContentLoaded', () => {
  const deferred = document.querySelector('aside[data-facets]');
  if (deferred) {
    fetch(deferred.getAttribute('data-facets'), { headers: { Accept: 'text/html' } })
      .then((res) => (res.ok ? res.text() : null))
      .then((html) => { if (html) deferred.outerHTML = html; })
      .catch(() => {}); // the link stays
  }
  for (const id of ['citation', 'bibtex']) {
    const el = document.getElementById(id);
    if (!el || !navigator.clipboard) continue;
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'copy-button';
    button.textContent = id === 'bibtex' ? 'Copy BibTeX' : 'Copy citation';
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(el.textContent || '');
      button.textContent = 'Copied';
      setTimeout(() => { button.textContent = id === 'bibtex' ? 'Copy BibTeX' : 'Copy citation'; }, 2000);
    });
    el.after(button);
  }
  document.addEventListener('keydown', (e) => {
    const target = e.target;
    if (e.key !== '/' || (target instanceof HTMLElement && target.closest('input, textarea, select'))) return;
    const q = document.getElementById('q');
    if (q) { e.preventDefault(); q.focus(); }
  });
});
