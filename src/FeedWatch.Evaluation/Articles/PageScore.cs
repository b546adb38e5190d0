namespace FeedWatch.Evaluation.Articles;

/// <summary>Shingle counts of one page: matched, in the extraction, in the gold text.</summary>
public sealed record PageScore(int Matched, int Predicted, int Gold)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;
}
