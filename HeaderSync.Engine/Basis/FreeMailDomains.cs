using System.Collections.Frozen;
using HeaderSync.Engine.Relevance;

namespace HeaderSync.Engine.Basis;

/// <summary>
/// Consumer mail providers. Their domains are never account domains: matching on gmail.com would
/// sync every private email that mentions anyone with a Gmail address.
/// </summary>
public static class FreeMailDomains
{
    public static FrozenSet<string> All { get; } = new[]
    {
        "gmail.com", "googlemail.com",
        "outlook.com", "outlook.de", "outlook.fr", "outlook.es", "outlook.it",
        "hotmail.com", "hotmail.co.uk", "hotmail.fr", "hotmail.de", "hotmail.it", "hotmail.es",
        "live.com", "live.co.uk", "live.fr", "live.de", "live.nl", "msn.com", "passport.com",
        "yahoo.com", "yahoo.co.uk", "yahoo.fr", "yahoo.de", "yahoo.it", "yahoo.es",
        "yahoo.co.jp", "yahoo.com.br", "ymail.com", "rocketmail.com",
        "icloud.com", "me.com", "mac.com",
        "aol.com", "aim.com",
        "proton.me", "protonmail.com", "protonmail.ch", "pm.me",
        "gmx.com", "gmx.de", "gmx.net", "gmx.at", "gmx.ch", "gmx.fr", "web.de", "t-online.de",
        "freenet.de", "posteo.de", "mailbox.org",
        "mail.com", "email.com", "usa.com",
        "yandex.ru", "yandex.com", "ya.ru", "mail.ru", "inbox.ru", "bk.ru", "list.ru", "rambler.ru",
        "zoho.com", "zohomail.com",
        "tutanota.com", "tutanota.de", "tuta.io", "fastmail.com", "fastmail.fm", "hey.com",
        "hushmail.com", "mailfence.com", "gmx.us",
        "qq.com", "163.com", "126.com", "sina.com", "naver.com", "daum.net", "hanmail.net",
        "rediffmail.com",
        "orange.fr", "wanadoo.fr", "free.fr", "laposte.net", "sfr.fr",
        "libero.it", "virgilio.it", "tiscali.it",
        "seznam.cz", "wp.pl", "o2.pl", "interia.pl", "onet.pl",
        "bluewin.ch", "btinternet.com", "sky.com", "virginmedia.com",
        "comcast.net", "verizon.net", "att.net", "sbcglobal.net", "cox.net", "earthlink.net",
        "bol.com.br", "uol.com.br", "terra.com.br",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>True for a free-mail domain or any subdomain of one.</summary>
    public static bool Contains(string? domain)
    {
        if (!DomainNames.TryNormalize(domain, out var normalized, out _))
        {
            return false;
        }

        var lookup = All.GetAlternateLookup<ReadOnlySpan<char>>();
        var rest = normalized.AsSpan();
        while (true)
        {
            if (lookup.Contains(rest))
            {
                return true;
            }

            var dot = rest.IndexOf('.');
            if (dot < 0)
            {
                return false;
            }

            rest = rest[(dot + 1)..];
        }
    }
}
