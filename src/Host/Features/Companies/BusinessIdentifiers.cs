namespace Platform.Host.Features.Companies;

/// <summary>
/// SIREN (9 digits) and SIRET (14 digits) as INSEE issues them: the last digit is a Luhn check digit.
/// La Poste's establishments (SIREN 356 000 000) are the one documented exception: their SIRET digits add
/// up to a multiple of 5 instead.
/// </summary>
public static class BusinessIdentifiers
{
    private const string LaPosteSiren = "356000000";

    /// <summary>Removes spaces, dots and non-breaking spaces people type in « 123 456 789 ».</summary>
    public static string Normalize(string? value) =>
        new((value ?? "").Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());

    public static bool IsValidSiren(string? siren) => siren is { Length: 9 } && siren.All(char.IsAsciiDigit) && Luhn(siren);

    public static bool IsValidSiret(string? siret)
    {
        if (siret is not { Length: 14 } || !siret.All(char.IsAsciiDigit))
        {
            return false;
        }

        return Luhn(siret) || (siret.StartsWith(LaPosteSiren, StringComparison.Ordinal) && siret.Sum(c => c - '0') % 5 == 0);
    }

    /// <summary>The digit to append to <paramref name="digits"/> so the whole passes the Luhn check.</summary>
    public static char CheckDigit(string digits)
    {
        for (var d = '0'; d <= '9'; d++)
        {
            if (Luhn(digits + d))
            {
                return d;
            }
        }

        throw new ArgumentException("Not a string of digits.", nameof(digits));
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
