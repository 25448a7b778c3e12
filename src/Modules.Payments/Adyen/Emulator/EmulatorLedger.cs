namespace Portal.Modules.Payments.Adyen.Emulator;

internal sealed class EmulatorLedger
{
    private readonly Lock gate = new();
    private readonly List<EmulatorCharge> charges = [];
    private readonly List<EmulatorRefund> refunds = [];
    private readonly Dictionary<string, StoredMethod> stored = new(StringComparer.Ordinal);

    public IReadOnlyList<EmulatorCharge> Charges
    {
        get { lock (gate) return [.. charges]; }
    }

    public IReadOnlyList<EmulatorRefund> Refunds
    {
        get { lock (gate) return [.. refunds]; }
    }

    public void Add(EmulatorCharge charge)
    {
        lock (gate)
            charges.Add(charge);
    }

    public void Add(EmulatorRefund refund)
    {
        lock (gate)
            refunds.Add(refund);
    }

    public EmulatorCharge? Find(string pspReference)
    {
        lock (gate)
            return charges.Find(c => c.PspReference == pspReference);
    }

    // Atomic read-modify-write; `change` returns null to leave the charge as it is (and then so does Update).
    public EmulatorCharge? Update(string pspReference, Func<EmulatorCharge, EmulatorCharge?> change)
    {
        lock (gate)
        {
            var index = charges.FindIndex(c => c.PspReference == pspReference);
            if (index < 0 || change(charges[index]) is not { } changed)
                return null;
            charges[index] = changed;
            return changed;
        }
    }

    /// <summary>Cancels the charge made under our payment reference, if any; one with refunds cannot be cancelled.</summary>
    public (EmulatorCharge? Charge, bool Cancelled) CancelByReference(string reference)
    {
        lock (gate)
        {
            var index = charges.FindLastIndex(c => c.Reference == reference);
            if (index < 0)
                return (null, true);
            if (charges[index].RefundedValue > 0)
                return (charges[index], false);
            charges[index] = charges[index] with { Cancelled = true };
            return (charges[index], true);
        }
    }

    public Tokenization Store(string shopperReference, MethodSnapshot method, string recurringProcessingModel)
    {
        lock (gate)
        {
            var existing = stored.Values.FirstOrDefault(s => s.ShopperReference == shopperReference && SameInstrument(s.Method, method));
            if (existing is not null)
                return new Tokenization(existing.Id, shopperReference, "alreadyExisting");
            var id = EmulatorIds.NewPspReference();
            stored[id] = new StoredMethod(id, shopperReference, method, recurringProcessingModel);
            return new Tokenization(id, shopperReference, "created");
        }
    }

    public StoredMethod? FindStored(string id)
    {
        lock (gate)
            return stored.GetValueOrDefault(id);
    }

    public IReadOnlyList<StoredMethod> StoredFor(string shopperReference)
    {
        lock (gate)
            return [.. stored.Values.Where(s => s.ShopperReference == shopperReference)];
    }

    public bool RemoveStored(string id, string shopperReference)
    {
        lock (gate)
            return stored.TryGetValue(id, out var method) && method.ShopperReference == shopperReference && stored.Remove(id);
    }

    private static bool SameInstrument(MethodSnapshot a, MethodSnapshot b) =>
        a.Type == b.Type && a.Brand == b.Brand && a.LastFour == b.LastFour && a.ExpiryMonth == b.ExpiryMonth
        && a.ExpiryYear == b.ExpiryYear && a.BankLocationId == b.BankLocationId;
}
