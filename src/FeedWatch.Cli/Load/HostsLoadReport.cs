namespace FeedWatch.Cli.Load;

/// <summary>
/// What `feedwatch eval load --hosts N` measured: a one-host run and an N-host run over the same replayed corpus, and
/// how far the N hosts' story assignments agree with the one host's (B-cubed F1, the one-host run as reference).
/// </summary>
public sealed record HostsLoadReport(
    string Corpus,
    int CorpusArticles,
    string Backend,
    HostsRunFigures OneHost,
    HostsRunFigures ManyHosts,
    double AgreementPrecision,
    double AgreementRecall,
    double AgreementF1)
{
    public bool AllHostsSucceeded => OneHost.ExitCodes.Concat(ManyHosts.ExitCodes).All(code => code == 0);
}
