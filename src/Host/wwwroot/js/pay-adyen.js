// Test and live mode: Adyen's card component (advanced flow). It renders the card fields in Adyen's own iframes and hands
// us encrypted values, which go into hidden inputs and are posted with the form; the card itself never reaches our server.
// Works with the script-tag API of Adyen Web v6 (window.AdyenWeb: AdyenCheckout + new Card) and v5 (checkout.create).
(() => {
  const container = document.querySelector("[data-adyen-card]");
  if (!container) return;
  const form = container.closest("form");
  const fields = [...form.querySelectorAll("[data-adyen-field]")];
  const failed = () => { form.querySelector("[data-adyen-error]").hidden = false; };

  function fill(state) {
    const method = state && state.isValid && state.data ? state.data.paymentMethod || {} : {};
    fields.forEach(input => { input.value = method[input.dataset.adyenField] || ""; });
  }

  async function start() {
    const sdk = window.AdyenWeb || {};
    const factory = sdk.AdyenCheckout || window.AdyenCheckout;
    if (typeof factory !== "function") return failed();
    const checkout = await factory({
      clientKey: container.dataset.clientKey,
      environment: container.dataset.environment,
      locale: "en-US",
      countryCode: "US",
      analytics: { enabled: false },
    });
    const options = {
      brands: ["visa", "mc", "amex", "discover"],
      hasHolderName: true,
      holderNameRequired: true,
      showPayButton: false,
      onChange: state => fill(state),
    };
    const card = typeof sdk.Card === "function" ? new sdk.Card(checkout, options) : checkout.create("card", options);
    card.mount(container);
    container.addEventListener("adyen:validate", () => { if (typeof card.showValidation === "function") card.showValidation(); });
  }

  start().catch(failed);
})();
