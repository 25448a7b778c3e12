// Moves the import's progress bar by polling the import's status; reloads once it has finished to list any bad rows.
(() => {
  const section = document.getElementById("import");
  if (!section || section.dataset.finished === "true") return;
  const bar = document.getElementById("import-progress");
  const text = name => section.querySelector(`[data-import-${name}]`);
  const poll = async () => {
    try {
      const response = await fetch(section.dataset.importUrl, { credentials: "same-origin", headers: { Accept: "application/json" } });
      if (response.ok) {
        const state = await response.json();
        bar.max = Math.max(state.rowsTotal, 1);
        bar.value = state.rowsDone;
        text("status").textContent = state.status;
        text("done").textContent = state.rowsDone;
        text("total").textContent = state.rowsTotal;
        if (state.status === "succeeded" || state.status === "failed") { window.location.reload(); return; }
      }
    } catch { /* a missed poll is retried below */ }
    setTimeout(poll, 500);
  };
  setTimeout(poll, 300);
})();
