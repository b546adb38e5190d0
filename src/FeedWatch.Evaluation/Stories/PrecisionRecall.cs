namespace FeedWatch.Evaluation.Stories;

public sealed record PrecisionRecall(double Precision, double Recall)
{
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public override string ToString() => $"P={Precision:F4} R={Recall:F4} F1={F1:F4}";
}
