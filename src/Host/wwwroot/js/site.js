// Small progressive enhancements; every page works without them.
document.querySelectorAll("select[data-autosubmit]").forEach(select =>
  select.addEventListener("change", () => select.form.submit()));

// A form submits once: a double click never sends two requests.
document.querySelectorAll("form").forEach(form =>
  form.addEventListener("submit", event => {
    if (form.dataset.submitted === "true") { event.preventDefault(); return; }
    form.dataset.submitted = "true";
    form.querySelectorAll("button[type=submit]").forEach(b => { b.disabled = true; });
  }));

document.querySelectorAll("[data-print]").forEach(link =>
  link.addEventListener("click", event => { event.preventDefault(); window.print(); }));
