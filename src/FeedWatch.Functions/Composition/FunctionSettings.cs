namespace FeedWatch.Functions.Composition;

/// <summary>
/// App setting names the trigger attributes refer to. Attribute arguments must be constants, so they live here
/// once; local.settings.sample.json and infra/ set them.
/// </summary>
public static class FunctionSettings
{
    /// <summary>
    /// The storage connection of the queue triggers: the host's own storage account, either a connection string in
    /// "AzureWebJobsStorage" or identity-based settings under "AzureWebJobsStorage__" (queueServiceUri,
    /// blobServiceUri, credential = managedidentity, clientId).
    /// </summary>
    public const string StorageConnection = "AzureWebJobsStorage";

    /// <summary>The app setting holding the NCRONTAB (six fields, with seconds) of the schedule tick.</summary>
    public const string ScheduleSetting = "FEEDWATCH_SCHEDULE";

    /// <summary>The timer trigger resolves %NAME% from app settings, so the schedule changes without a redeploy.</summary>
    public const string ScheduleExpression = "%" + ScheduleSetting + "%";

    /// <summary>The blob container of FeedWatch's layout (default "feedwatch"), read by AddFeedWatch.</summary>
    public const string DataContainerSetting = "FeedWatch:Storage:Container";

    /// <summary>The feeds file; a relative path is resolved against the app folder, where feeds.yaml is deployed.</summary>
    public const string FeedsFileSetting = "FeedWatch:FeedsFile";
}
