using System.Text;

namespace HeaderSync.Simulator.Generation;

/// <summary>Turns display names into address local parts (Zoë Ångström -> zoe.angstrom).</summary>
internal static class AsciiFold
{
    private static readonly Dictionary<char, string> Map = new()
    {
        ['ë'] = "e", ['é'] = "e", ['è'] = "e", ['ø'] = "o", ['Ø'] = "o", ['å'] = "a", ['Å'] = "a",
        ['ñ'] = "n", ['ü'] = "u", ['ö'] = "o", ['ä'] = "a", ['ç'] = "c", ['ó'] = "o", ['á'] = "a",
    };

    public static string LocalPart(string given, string surname) =>
        Fold(given) + "." + Fold(surname);

    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (Map.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
