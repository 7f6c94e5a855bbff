// Progressive enhancement only: everything works without this file.
// - "Copy" buttons next to the citation and BibTeX.
// - "/" focuses the search box (unless typing in a field).
document.addEventListener('DOMContentLoaded', () => {
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
