using FeedWatch.Core.Stories;

namespace FeedWatch.Core.Tests.Stories;

/// <summary>Original fixture texts (written for these tests): one fictional event, its reuses, and a similar but different event.</summary>
internal static class Fixtures
{
    public const string Wire =
        "A footbridge over the Marlow River in Eastbrook collapsed on Tuesday morning, injuring 14 commuters, the city fire service said. " +
        "Rescue teams pulled six people from the water within an hour, and two of them remain in a serious condition at Eastbrook General Hospital. " +
        "The 62-metre steel bridge had been closed for inspection in March after engineers reported corrosion in its main supports. " +
        "Mayor Helen Okafor said the city would open an independent inquiry into why the bridge was reopened in June. " +
        "Residents had complained for months that the walkway shook when crowds crossed it during the morning rush. " +
        "Transport officials said ferry services would run every ten minutes until a temporary crossing is built.";

    public const string Spun =
        "A footbridge over the Marlow River in Eastbrook fell down on Tuesday morning, hurting 14 travellers, the town fire service stated. " +
        "Rescue crews pulled six individuals from the water within an hour, and two of them stay in a grave condition at Eastbrook General Hospital. " +
        "The 62-metre steel bridge had been shut for examination in March after engineers noted rust in its primary supports. " +
        "Mayor Helen Okafor stated the town would open an independent investigation into why the bridge was reopened in June. " +
        "Locals had grumbled for months that the walkway trembled when crowds crossed it during the morning hurry. " +
        "Transport authorities stated ferry services would run every ten minutes until a makeshift crossing is constructed.";

    public const string OwnWords =
        "\"It sounded like a gunshot, then everyone was in the river,\" said Priya Nandakumar, who was crossing to her office when the Marlow footbridge gave way. " +
        "Eastbrook has argued about the crossing for years: a 2019 council vote to replace it failed by one vote, and a corrosion survey this spring was never published in full. " +
        "Helen Okafor, elected mayor last autumn on a promise to fix the town's ageing infrastructure, now faces questions from opposition councillors. " +
        "Hospital staff confirmed that fourteen people were treated. Local businesses on the east bank expect weeks of lost trade.";

    public const string OtherEvent =
        "A road bridge over the Tessel Canal in Northgate partly collapsed on Friday evening, injuring three drivers, police said. " +
        "Firefighters freed two people trapped in a van on the lower deck, and all three were taken to St Anne's Infirmary with minor injuries. " +
        "The 1970s concrete bridge carries 20,000 vehicles a day and was due for repairs next spring, according to the county council. " +
        "Council leader Marcus Webb said an engineering review would look at whether heavy lorries had weakened the structure. " +
        "Diversions will remain in place through the weekend while engineers assess the damage.";

    public static StoryArticle Article(string id, string outlet, string title, string text, int hours = 0) =>
        new(id, outlet, $"https://{outlet}/{id}", new DateTimeOffset(2026, 3, 10, 8, 0, 0, TimeSpan.Zero).AddHours(hours), title, text);
}
