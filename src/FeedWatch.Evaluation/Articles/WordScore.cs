namespace FeedWatch.Evaluation.Articles;

/// <summary>Word counts of one page (WCXB metric): words in common, in the extraction, in the gold text.</summary>
public sealed record WordScore(int Common, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Common / Predicted;
    public double Recall => Gold == 0 ? (Predicted == 0 ? 1 : 0) : (double)Common / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}
