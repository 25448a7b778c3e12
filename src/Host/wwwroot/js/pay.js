// Pay page: the total follows the selection, only the chosen method's fields show, and the button says what it will do.
(() => {
  const form = document.querySelector("[data-pay-form]");
  if (!form) return;
  const money = cents => "$" + (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cents = text => { const n = Number(String(text || "").replace(/[$,\s]/g, "")); return Number.isFinite(n) ? Math.round(n * 100) : 0; };
  const mode = () => form.querySelector("[data-mode]:checked")?.value;

  function update() {
    let total = 0;
    if (mode() === "amount") total = cents(form.querySelector("[data-free-amount]").value);
    else form.querySelectorAll("tr").forEach(row => {
      const box = row.querySelector("[data-select]");
      if (box && box.checked) total += cents(row.querySelector("[data-amount]").value);
    });
    form.querySelector("[data-total]").textContent = money(total);
    const button = form.querySelector("[data-pay-button]");
    button.textContent = total > 0 ? "Pay " + money(total) : "Pay";
    button.disabled = total <= 0 || form.dataset.submitted === "true";
    const method = form.querySelector("[data-method]:checked")?.value;
    form.querySelectorAll("[data-fields]").forEach(f => { f.hidden = f.dataset.fields !== method; });
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  update();
})();
