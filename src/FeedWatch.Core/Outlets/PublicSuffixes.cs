namespace FeedWatch.Core.Outlets;

/// <summary>
/// A compact public-suffix list of our own making (not the Mozilla list): generic TLDs, the rule that every two-letter
/// country TLD is a public suffix, the common second-level registries under country TLDs (co.uk, com.au, co.jp …) and
/// hosting platforms whose sub-domains belong to different owners (blogspot.com, github.io …). A domain under an
/// unknown suffix falls back to "last label is the suffix", which is right for most of the web.
/// </summary>
public static class PublicSuffixes
{
    private static readonly string[] SecondLevel =
    [
        // United Kingdom
        "co.uk", "org.uk", "ac.uk", "gov.uk", "ltd.uk", "plc.uk", "me.uk", "net.uk", "sch.uk", "nhs.uk", "police.uk", "mod.uk",
        // Australia, New Zealand
        "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
        "co.nz", "net.nz", "org.nz", "govt.nz", "ac.nz", "school.nz", "geek.nz", "kiwi.nz", "maori.nz",
        // Asia
        "co.jp", "ne.jp", "or.jp", "ac.jp", "go.jp", "ad.jp", "ed.jp", "gr.jp", "lg.jp",
        "co.in", "net.in", "org.in", "gen.in", "firm.in", "ind.in", "ac.in", "edu.in", "gov.in", "nic.in", "res.in",
        "com.cn", "net.cn", "org.cn", "gov.cn", "edu.cn", "ac.cn",
        "com.hk", "net.hk", "org.hk", "gov.hk", "edu.hk", "idv.hk",
        "com.tw", "net.tw", "org.tw", "gov.tw", "edu.tw", "idv.tw",
        "co.kr", "or.kr", "ne.kr", "go.kr", "ac.kr", "re.kr",
        "com.sg", "net.sg", "org.sg", "gov.sg", "edu.sg",
        "com.my", "net.my", "org.my", "gov.my", "edu.my",
        "com.ph", "net.ph", "org.ph", "gov.ph", "edu.ph",
        "com.pk", "net.pk", "org.pk", "gov.pk", "edu.pk",
        "co.id", "or.id", "ac.id", "go.id", "web.id", "net.id",
        "co.th", "in.th", "or.th", "ac.th", "go.th",
        "com.vn", "net.vn", "org.vn", "gov.vn", "edu.vn",
        "com.bd", "com.np", "com.lk", "com.mm", "com.kh",
        // Middle East, Africa
        "co.il", "org.il", "ac.il", "gov.il", "net.il", "muni.il",
        "com.tr", "net.tr", "org.tr", "gov.tr", "edu.tr", "av.tr", "bel.tr",
        "com.sa", "net.sa", "org.sa", "gov.sa", "edu.sa",
        "com.eg", "net.eg", "org.eg", "gov.eg", "edu.eg",
        "ae.org", "com.qa", "com.kw", "com.bh", "com.om", "com.lb", "com.jo", "com.iq", "com.ly", "com.ps",
        "co.za", "org.za", "gov.za", "net.za", "ac.za", "web.za",
        "com.ng", "org.ng", "gov.ng", "net.ng", "edu.ng",
        "co.ke", "or.ke", "go.ke", "ac.ke", "ne.ke",
        "co.tz", "or.tz", "go.tz", "co.ug", "or.ug", "go.ug", "com.gh", "org.gh", "gov.gh", "co.zw", "co.zm", "com.et",
        // Americas
        "com.br", "net.br", "org.br", "gov.br", "edu.br", "art.br", "blog.br",
        "com.mx", "net.mx", "org.mx", "gob.mx", "edu.mx",
        "com.ar", "net.ar", "org.ar", "gob.ar", "gov.ar", "edu.ar",
        "com.co", "net.co", "org.co", "gov.co", "edu.co",
        "com.pe", "net.pe", "org.pe", "gob.pe", "com.ve", "co.ve", "gob.ve", "com.ec", "gob.ec", "com.uy", "com.py",
        "com.bo", "com.gt", "com.sv", "com.hn", "com.ni", "co.cr", "com.pa", "com.do", "com.pr", "com.cu", "com.jm",
        "gob.cl", "qc.ca", "on.ca", "bc.ca", "ab.ca",
        // Europe
        "com.ua", "net.ua", "org.ua", "gov.ua", "in.ua", "kiev.ua", "kyiv.ua",
        "com.pl", "net.pl", "org.pl", "gov.pl", "edu.pl", "co.pl",
        "com.ru", "net.ru", "org.ru", "msk.ru", "spb.ru",
        "co.at", "or.at", "gv.at", "ac.at", "com.es", "org.es", "gob.es", "nom.es",
        "com.pt", "org.pt", "gov.pt", "com.gr", "org.gr", "gov.gr", "com.cy", "com.mt", "co.hu", "com.ro", "org.ro",
        "com.hr", "co.rs", "org.rs", "co.me", "co.ba", "com.mk", "co.it", "gov.it", "co.no", "priv.no",
        // Hosting platforms: each sub-domain is a different owner
        "blogspot.com", "wordpress.com", "tumblr.com", "substack.com", "github.io", "gitlab.io", "herokuapp.com",
        "azurewebsites.net", "cloudfront.net", "appspot.com", "netlify.app", "vercel.app", "pages.dev", "web.app",
        "firebaseapp.com", "medium.com", "livejournal.com", "typepad.com", "wixsite.com", "weebly.com", "squarespace.com",
    ];

    private static readonly HashSet<string> Suffixes = new(SecondLevel, StringComparer.Ordinal);

    /// <summary>Number of labels of the public suffix at the end of <paramref name="labels"/>.</summary>
    public static int SuffixLabelCount(IReadOnlyList<string> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Count >= 3 && Suffixes.Contains(labels[^3] + "." + labels[^2] + "." + labels[^1]))
        {
            return 3;
        }

        if (labels.Count >= 2 && Suffixes.Contains(labels[^2] + "." + labels[^1]))
        {
            return 2;
        }

        return labels.Count >= 1 ? 1 : 0; // every TLD (generic or two-letter country code) is itself a public suffix
    }

    public static int Count => Suffixes.Count;
}
