namespace FeedWatch.Azure.Tests.Concurrency;

/// <summary>
/// The whole-pipeline proofs each start their own Azurite and several `feedwatch` processes: they run one at a time,
/// after the other tests of the project, so on a 2-core machine they neither starve nor time out each other.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PipelineProofCollection
{
    public const string Name = "Pipeline proofs on Azurite";
}
