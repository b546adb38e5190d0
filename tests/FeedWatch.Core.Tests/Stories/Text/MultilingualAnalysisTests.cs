using FeedWatch.Core.Stories;
using FeedWatch.Stories;
using FeedWatch.Stories.Text;

namespace FeedWatch.Core.Tests.Stories.Text;

/// <summary>Non-Latin scripts: words, sentences, normalizing, stemming, stop words, bigrams, detection (texts written for these tests).</summary>
public sealed class MultilingualAnalysisTests
{
    private static string Word(AnalyzedText analyzed, Token token) => analyzed.Text.Substring(token.Start, token.Length);

    private static Token Find(AnalyzedText analyzed, string word) => analyzed.Tokens.First(t => Word(analyzed, t) == word);

    [Fact]
    public void Russian_inflections_meet_at_one_stem_and_function_words_are_stop_words()
    {
        var analyzed = TextAnalyzer.Analyze("Министр заявил о новых санкциях. Новые санкции вступят в силу в марте.", language: "ru");

        Assert.Equal(2, analyzed.Sentences.Length);
        Assert.Equal(Find(analyzed, "санкциях").Stem, Find(analyzed, "санкции").Stem);
        Assert.NotEqual(Find(analyzed, "санкциях").Hash, Find(analyzed, "санкции").Hash);
        Assert.True(Find(analyzed, "о").IsStop);
        Assert.True(Find(analyzed, "в").IsStop);
        Assert.False(Find(analyzed, "Министр").IsStop);
        Assert.True(Find(analyzed, "Новые").Flags.HasFlag(TokenFlags.SentenceStart));
    }

    [Fact]
    public void Urdu_sentences_end_at_the_urdu_full_stop_and_diacritics_do_not_split_or_change_a_word()
    {
        // "Electricity supply stopped in Karachi. The electricity crisis continues in the city." — once with a zer.
        var analyzed = TextAnalyzer.Analyze("کراچی میں بجلی کی فراہمی بند ہو گئی۔ شہر میں بِجلی کا بحران جاری ہے۔");

        Assert.Equal(2, analyzed.Sentences.Length);
        Assert.Equal(15, analyzed.Tokens.Length);
        var plain = Find(analyzed, "بجلی");
        var marked = analyzed.Tokens.Single(t => Word(analyzed, t) == "بِجلی");
        Assert.Equal(plain.Hash, marked.Hash);
        Assert.Equal("ur", Scripts.DetectLanguage(analyzed.Text));
    }

    [Fact]
    public void Arabic_letter_variants_are_normalized_and_the_article_prefix_is_stemmed()
    {
        var analyzed = TextAnalyzer.Analyze("أعلنت الحكومة في بيان رسمي. اعلنت حكومه المدينة خطة جديدة.", language: "ar");

        Assert.Equal(2, analyzed.Sentences.Length);
        Assert.Equal(Find(analyzed, "أعلنت").Hash, Find(analyzed, "اعلنت").Hash);
        Assert.Equal(Find(analyzed, "الحكومة").Stem, Find(analyzed, "حكومه").Stem);
        Assert.True(Find(analyzed, "في").IsStop);
    }

    [Fact]
    public void Chinese_without_spaces_becomes_character_bigrams_and_sentences()
    {
        // "An earthquake struck Beijing today. The earthquake caused losses."
        var analyzed = TextAnalyzer.Analyze("北京今天发生地震。地震造成损失。");

        Assert.Equal(2, analyzed.Sentences.Length);
        Assert.All(analyzed.Tokens, t => Assert.Equal(2, t.Length));
        var quake = analyzed.Tokens.Where(t => Word(analyzed, t) == "地震").ToList();
        Assert.Equal(2, quake.Count);
        Assert.Equal(quake[0].Hash, quake[1].Hash);
        Assert.Equal(0, analyzed.Sentences[1].FirstToken - analyzed.Sentences[0].TokenCount);
        Assert.Equal("zh", Scripts.DetectLanguage(analyzed.Text));
    }

    [Fact]
    public void Devanagari_vowel_signs_stay_inside_their_word()
    {
        var analyzed = TextAnalyzer.Analyze("सरकार ने नई नीति घोषित की।", language: "hi");

        Assert.Equal(["सरकार", "ने", "नई", "नीति", "घोषित", "की"], analyzed.Tokens.Select(t => Word(analyzed, t)));
        Assert.True(Find(analyzed, "ने").IsStop);
    }

    [Theory]
    [InlineData("Правительство объявило новые меры", "ru")]
    [InlineData("Уряд оголосив нові заходи для їхнього захисту", "uk")]
    [InlineData("دولت اعلام کرد که پل جدید ساخته می‌شود", "fa")]
    [InlineData("أعلنت الحكومة عن خطة جديدة", "ar")]
    [InlineData("Η κυβέρνηση ανακοίνωσε νέα μέτρα", "el")]
    [InlineData("The government announced new measures", null)]
    public void The_language_is_detected_from_the_script_when_none_is_given(string text, string? expected)
    {
        Assert.Equal(expected, Scripts.DetectLanguage(text));
    }

    [Fact]
    public void A_russian_rewrite_joins_its_story_and_an_unrelated_russian_article_does_not()
    {
        var engine = new StoryEngine();
        var published = new DateTimeOffset(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
        var origin = new StoryArticle("ru-1", "vesti.example", null, published, "Пожар на складе в Казани",
            "В Казани ночью загорелся склад строительных материалов на улице Техническая. Пожарные тушили огонь шесть часов. " +
            "Площадь пожара составила две тысячи квадратных метров. Пострадавших нет, причины пожара выясняются.", "ru");
        var rewrite = new StoryArticle("ru-2", "gazeta.example", null, published.AddHours(3), "В Казани сгорел склад стройматериалов",
            "Склад строительных материалов сгорел в Казани на улице Техническая. Пожарные боролись с огнем около шести часов, " +
            "площадь пожара достигла двух тысяч квадратных метров. По данным спасателей, никто не пострадал.", "ru");
        var unrelated = new StoryArticle("ru-3", "sport.example", null, published.AddHours(4), "Футбольный клуб сыграл вничью",
            "Московский футбольный клуб сыграл вничью с командой из Самары. Единственный гол забил нападающий в первом тайме, " +
            "соперники сравняли счет после перерыва. Следующий матч пройдет в субботу.", "ru");

        engine.Add("fire", origin);
        var rewriteMatches = engine.Match(rewrite);
        var unrelatedMatches = engine.Match(unrelated);

        Assert.Equal("fire", Assert.Single(rewriteMatches.Take(1)).StoryId);
        Assert.Empty(unrelatedMatches);
    }
}
