// Pay page: the total follows the selection, only the chosen method's fields show, and paying takes two steps:
// review (total, invoices, method), then confirm. The idempotency key of the form and site.js's submit-once guard
// keep a double click from sending two payments.
(() => {
  const form = document.querySelector("[data-pay-form]");
  if (!form) return;
  const $ = selector => form.querySelector(selector);
  const money = cents => "$" + (cents / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const cents = text => { const n = Number(String(text || "").replace(/[$,\s]/g, "")); return Number.isFinite(n) ? Math.round(n * 100) : 0; };
  const mode = () => $("[data-mode]:checked")?.value;
  const method = () => $("[data-method]:checked");

  function selectedRows() {
    return [...form.querySelectorAll("tr[data-invoice]")].filter(row => row.querySelector("[data-select]")?.checked);
  }

  function total() {
    if (mode() === "amount") return cents($("[data-free-amount]").value);
    return selectedRows().reduce((sum, row) => sum + cents(row.querySelector("[data-amount]").value), 0);
  }

  // The split the server makes (HoldAllocator): oldest due first, an invoice that must be paid in full only when what is
  // left covers it (otherwise the next one), never more than is open.
  function split(amount) {
    const rows = [...form.querySelectorAll("tr[data-invoice]")].sort((a, b) =>
      a.dataset.due < b.dataset.due ? -1 : a.dataset.due > b.dataset.due ? 1 : a.dataset.invoice < b.dataset.invoice ? -1 : a.dataset.invoice > b.dataset.invoice ? 1 : 0);
    const open = rows.reduce((sum, row) => sum + Number(row.querySelector("[data-amount]").dataset.max), 0);
    const lines = [];
    let left = amount;
    for (const row of rows) {
      const available = Number(row.querySelector("[data-amount]").dataset.max);
      if (left <= 0) break;
      if (available <= 0 || (left < available && row.dataset.partial !== "true")) continue;
      const take = Math.min(left, available);
      lines.push(`${row.dataset.invoice}: ${money(take)}`);
      left -= take;
    }
    return { lines, left, open };
  }

  function update() {
    const sum = total();
    $("[data-total]").textContent = money(sum);
    $("[data-review-button]").disabled = sum <= 0;
    const chosen = method()?.value;
    form.querySelectorAll("[data-fields]").forEach(f => { f.hidden = f.dataset.fields !== chosen; });
  }

  function problem() {
    if (total() <= 0) return "Select at least one invoice or enter an amount.";
    if (mode() === "amount") {
      const { left, open } = split(total());
      if (total() > open) return `The amount is more than the ${money(open)} that is open.`;
      if (left > 0) return "That amount would pay part of an invoice that must be paid in full. Enter a different amount.";
    }
    if (!method()) return "Choose how to pay.";
    const adyenCard = $("[data-adyen-card]");
    if (method().value === "card" && adyenCard && !$("[data-adyen-field=encryptedCardNumber]").value) {
      adyenCard.dispatchEvent(new CustomEvent("adyen:validate"));
      return "Complete the card details.";
    }
    return null;
  }

  function methodText() {
    const chosen = method();
    const label = chosen.closest("label").textContent.replace(/\s+/g, " ").trim();
    const number = chosen.value === "card" ? $("#card-number")?.value.replace(/\D/g, "") : "";
    return number && number.length >= 4 ? `${label} ending ${number.slice(-4)}` : label;
  }

  function review() {
    const wrong = problem();
    const notice = $("[data-review-problem]");
    notice.hidden = !wrong;
    notice.textContent = wrong || "";
    if (wrong) return;
    $("[data-review-total]").textContent = money(total());
    const list = $("[data-review-invoices]");
    list.replaceChildren();
    const lines = mode() === "amount"
      ? split(total()).lines
      : selectedRows().map(row => `${row.dataset.invoice}: ${money(cents(row.querySelector("[data-amount]").value))}`);
    lines.forEach(text => { const item = document.createElement("li"); item.textContent = text; list.append(item); });
    $("[data-review-method]").textContent = methodText();
    form.querySelectorAll("[data-choose]").forEach(section => { section.hidden = true; });
    const step = $("[data-review]");
    step.hidden = false;
    step.focus();
    step.scrollIntoView({ block: "start" });
  }

  function change() {
    $("[data-review]").hidden = true;
    form.querySelectorAll("[data-choose]").forEach(section => { section.hidden = false; });
    $("[data-review-button]").focus();
  }

  // Enter in a field would submit straight away: until the review is showing, a submit opens the review instead.
  // Capture runs before site.js's submit-once guard, so that guard never sees (and never locks) such a submit.
  form.addEventListener("submit", event => {
    if (!$("[data-review]").hidden) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    review();
  }, true);

  // Changing anything after the review sends the customer back to review it again.
  form.addEventListener("input", () => { if (!$("[data-review]").hidden) change(); update(); });
  form.addEventListener("change", update);
  $("[data-review-button]").addEventListener("click", review);
  $("[data-change-button]").addEventListener("click", change);
  // The review replaces the first step in place, so the second click of a double click on "Review payment" can land on
  // "Change" or "Confirm and pay": a click that is part of a multi-click never acts there.
  [$("[data-change-button]"), $("[data-pay-button]")].forEach(button => button.addEventListener("click", event => {
    if (event.detail > 1) { event.preventDefault(); event.stopImmediatePropagation(); }
  }, true));
  update();
})();
