using System.Collections.Frozen;

namespace FeedWatch.Core.Feeds.Date;

/// <summary>
/// Month, weekday and zone words seen in real feeds (English, French, German, Spanish, Italian, Dutch, Portuguese,
/// Greek, Hungarian, Korean markers). Keys are lower case without a trailing dot.
/// </summary>
internal static class DateWords
{
    public static readonly FrozenDictionary<string, int> Months = Build(
        (1, "jan january janv janvier januar ene enero gen gennaio januari janeiro ιαν ιανουαρίου január"),
        (2, "feb february fév févr fev février fevr februar febrero febbraio februari fevereiro φεβ φεβρουαρίου február"),
        (3, "mar march mars märz mär mrz marzo maart mrt março μάρ μαρ μαρτίου március"),
        (4, "apr april avr avril abr abril aprile απρ απριλίου április"),
        (5, "may mai mayo mag maggio mei maio μάι μαΐ μαι μαΐου május"),
        (6, "jun june juin juni junio giu giugno junho ιούν ιουν ιουνίου június"),
        (7, "jul july juil juillet juli julio lug luglio julho ιούλ ιουλ ιουλίου július"),
        (8, "aug august août aout ago agosto augustus αύγ αυγ αυγούστου augusztus"),
        (9, "sep sept september septembre septiembre set settembre setembro σεπ σεπτεμβρίου szeptember"),
        (10, "oct october octobre okt oktober octubre ott ottobre out outubro οκτ οκτωβρίου október"),
        (11, "nov november novembre noviembre novembro νοέ νοε νοεμβρίου"),
        (12, "dec december déc decembre décembre dez dezember dic diciembre dicembre dezembro δεκ δεκεμβρίου"));

    /// <summary>Words that name a weekday in some language; they carry no information and are skipped.</summary>
    public static readonly FrozenSet<string> Weekdays = new[]
    {
        "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur", "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
        "lun", "lundi", "mar", "mardi", "mer", "mercredi", "jeu", "jeudi", "ven", "vendredi", "sam", "samedi", "dim", "dimanche",
        "mo", "montag", "di", "dienstag", "mi", "mittwoch", "do", "donnerstag", "fr", "freitag", "sa", "samstag", "so", "sonntag",
        "lunes", "martes", "mié", "mie", "miércoles", "jue", "jueves", "vie", "viernes", "sáb", "sab", "sábado", "dom", "domingo",
        "lunedì", "martedì", "mercoledì", "gio", "giovedì", "venerdì", "sabato", "domenica",
        "ma", "maandag", "dinsdag", "wo", "woensdag", "donderdag", "vr", "vrijdag", "za", "zaterdag", "zo", "zondag",
        "seg", "ter", "qua", "qui", "sex",
        "κυρ", "δευ", "τρι", "τετ", "πεμ", "παρ", "σαβ",
        "hét", "kedd", "sze", "csü", "pén", "szo", "vas",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Zone abbreviations → offset in minutes. Includes the RFC 822 zones, their US short forms and military letters.</summary>
    public static readonly FrozenDictionary<string, int> Zones = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["z"] = 0,
        ["ut"] = 0,
        ["utc"] = 0,
        ["gmt"] = 0,
        ["wet"] = 0,
        ["west"] = 60,
        ["bst"] = 60,
        ["ist"] = 330,
        ["cet"] = 60,
        ["cest"] = 120,
        ["met"] = 60,
        ["mest"] = 120,
        ["mez"] = 60,
        ["mesz"] = 120,
        ["eet"] = 120,
        ["eest"] = 180,
        ["msk"] = 180,
        ["est"] = -300,
        ["edt"] = -240,
        ["cst"] = -360,
        ["cdt"] = -300,
        ["mst"] = -420,
        ["mdt"] = -360,
        ["pst"] = -480,
        ["pdt"] = -420,
        ["at"] = -240,
        ["et"] = -300,
        ["ct"] = -360,
        ["mt"] = -420,
        ["pt"] = -480,
        ["ast"] = -240,
        ["adt"] = -180,
        ["akst"] = -540,
        ["akdt"] = -480,
        ["hst"] = -600,
        ["hast"] = -600,
        ["hadt"] = -540,
        ["nst"] = -210,
        ["ndt"] = -150,
        ["brt"] = -180,
        ["art"] = -180,
        ["jst"] = 540,
        ["kst"] = 540,
        ["hkt"] = 480,
        ["sgt"] = 480,
        ["pht"] = 480,
        ["awst"] = 480,
        ["acst"] = 570,
        ["acdt"] = 630,
        ["aest"] = 600,
        ["aedt"] = 660,
        ["nzst"] = 720,
        ["nzdt"] = 780,
        ["wib"] = 420,
        ["ict"] = 420,
        ["pkt"] = 300,
        ["npt"] = 345,
        ["sast"] = 120,
        ["cat"] = 120,
        ["eat"] = 180,
        ["wat"] = 60,
        // RFC 822 military zones, with the signs as RFC 822 writes them.
        ["a"] = -60,
        ["b"] = -120,
        ["c"] = -180,
        ["d"] = -240,
        ["e"] = -300,
        ["f"] = -360,
        ["g"] = -420,
        ["h"] = -480,
        ["i"] = -540,
        ["k"] = -600,
        ["l"] = -660,
        ["m"] = -720,
        ["n"] = 60,
        ["o"] = 120,
        ["p"] = 180,
        ["q"] = 240,
        ["r"] = 300,
        ["s"] = 360,
        ["t"] = 420,
        ["u"] = 480,
        ["v"] = 540,
        ["w"] = 600,
        ["x"] = 660,
        ["y"] = 720,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>Filler words between the parts ("Thu, June 22, 2023 at 01:11 PM").</summary>
    public static readonly FrozenSet<string> Fillers = new[] { "at", "of", "de", "du", "um", "à", "le", "el", "the", "on", "년", "월", "일", "시", "분", "초" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static FrozenDictionary<string, int> Build(params (int Month, string Names)[] rows)
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, names) in rows)
        {
            foreach (var name in names.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                map[name] = month;
            }
        }

        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
