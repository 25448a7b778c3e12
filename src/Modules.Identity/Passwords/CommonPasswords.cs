using System.Text.RegularExpressions;

namespace Portal.Modules.Identity.Passwords;

/// <summary>
/// Refuses the passwords attackers try first: the shipped roots, their variants with a capital, a year,
/// a number run or a symbol, and keyboard or digit runs. Several thousand candidates in all.
/// </summary>
internal static partial class CommonPasswords
{
    private static readonly HashSet<string> Roots = LoadRoots();

    private static readonly string[] Runs = ["0123456789", "9876543210", "qwertyuiop", "asdfghjkl", "zxcvbnm", "abcdefghijklmnopqrstuvwxyz", "1q2w3e4r5t6y", "1qaz2wsx3edc"];

    public static int RootCount => Roots.Count;

    public static bool Contains(string password)
    {
        var lower = password.ToLowerInvariant();
        if (Roots.Contains(lower) || IsRun(lower) || IsOneCharacterRepeated(lower))
            return true;
        // A password that is mostly digits and symbols around a word of three letters or fewer is a pattern, not a secret.
        var core = Decoration().Replace(lower, "");
        return core.Length <= 3 || Roots.Contains(core) || Roots.Contains(Unleet(core)) || IsRun(core)
            || HasRootPrefix(lower);
    }

    /// <summary>Every concrete candidate the rule refuses, for the tests and for people curious about its size.</summary>
    public static IEnumerable<string> Candidates()
    {
        string[] suffixes = ["", "1", "12", "123", "1234", "12345", "!", "1!", "123!", "@", "#1", "01", "007", "69", "99", "2020", "2021", "2022", "2023", "2024", "2025", "2026"];
        foreach (var root in Roots)
            foreach (var suffix in suffixes)
            {
                yield return root + suffix;
                yield return char.ToUpperInvariant(root[0]) + root[1..] + suffix;
            }
    }

    // Roots that contain digits themselves ("a1b2c3", "1qaz2wsx") followed by more digits or symbols.
    private static bool HasRootPrefix(string value)
    {
        for (var length = value.Length - 1; length >= 4; length--)
            if (Roots.Contains(value[..length]) && value[length..].All(c => !char.IsLetter(c)))
                return true;
        return false;
    }

    private static bool IsRun(string value) => value.Length >= 4 && Runs.Any(run => run.Contains(value, StringComparison.Ordinal));

    private static bool IsOneCharacterRepeated(string value) => value.Length > 0 && value.All(c => c == value[0]);

    private static string Unleet(string value) =>
        value.Replace('0', 'o').Replace('1', 'i').Replace('3', 'e').Replace('4', 'a').Replace('5', 's').Replace('@', 'a').Replace('$', 's');

    private static HashSet<string> LoadRoots()
    {
        using var stream = typeof(CommonPasswords).Assembly.GetManifestResourceStream("identity/common-password-roots.txt")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n')
            .Where(line => !line.StartsWith('#'))
            .SelectMany(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(word => word.ToLowerInvariant())
            .ToHashSet();
    }

    // Digits and symbols people wrap around a word: "Summer2024!" is "summer".
    [GeneratedRegex(@"^[^a-z]+|[^a-z]+$")]
    private static partial Regex Decoration();
}
