namespace HeaderSync.Simulator.Generation;

/// <summary>Fictional names and organisations the generator draws from.</summary>
internal static class NamePools
{
    public static readonly string[] GivenNames =
    [
        "Adele", "Alex", "Allan", "Diego", "Grady", "Henrietta", "Isaiah", "Johanna", "Joni",
        "Lee", "Lidia", "Lynne", "Megan", "Miriam", "Nestor", "Patti", "Pradeep", "Zoë",
        "Søren", "José", "Amara", "Kenji", "Olga", "Rafael", "Chloé", "Tomasz", "Ingrid", "Yusuf",
    ];

    public static readonly string[] Surnames =
    [
        "Vance", "Wilber", "Deyoung", "Zamora", "Archie", "Cannon", "Langer", "Lauer", "Sherman",
        "Gu", "Holloway", "Robinson", "Bowen", "Hunter", "Wilke", "Fernandez", "Gupta", "Ångström",
        "Nørgaard", "Muñoz", "Okafor", "Tanaka", "Petrova", "Costa", "Lefèvre", "Nowak", "Berg",
    ];

    public static readonly string[] JobTitles =
    [
        "Account Executive", "Sales Manager", "Business Development Rep", "Solutions Engineer",
        "Customer Success Manager", "Regional Sales Director",
    ];

    public static readonly (string Name, string Domain)[] Companies =
    [
        ("Fabrikam", "fabrikam.com"), ("Northwind Traders", "northwindtraders.com"),
        ("Adventure Works", "adventure-works.com"), ("Wingtip Toys", "wingtiptoys.com"),
        ("Tailspin Toys", "tailspintoys.com"), ("Litware", "litwareinc.com"),
        ("Proseware", "proseware.com"), ("Woodgrove Bank", "woodgrovebank.com"),
        ("Alpine Ski House", "alpineskihouse.com"), ("Blue Yonder Airlines", "blueyonderairlines.com"),
        ("Fourth Coffee", "fourthcoffee.com"), ("Margie's Travel", "margiestravel.com"),
        ("Lucerne Publishing", "lucernepublishing.com"), ("Trey Research", "treyresearch.net"),
        ("Coho Winery", "cohowinery.com"), ("Wide World Importers", "wideworldimporters.com"),
    ];

    public static readonly string[] FreeMailDomains = ["gmail.com", "outlook.com", "yahoo.com", "gmx.de"];

    public static readonly string[] Topics =
    [
        "pricing for the Q3 rollout", "the pilot timeline", "renewal terms", "the security review",
        "next week's demo", "the proposal draft", "licensing questions", "the onboarding plan",
        "contract redlines", "the integration scope", "budget approval", "a follow-up call",
    ];
}
