// FeedWatch on Azure: `azd up` (azure.yaml at the repository root) provisions this and deploys src/FeedWatch.Functions.
//
// Creates, in one resource group rg-<environmentName>:
//   - a Flex Consumption Function App (.NET 10 isolated) running the pipeline stages (modules/functionapp.bicep)
//   - a Storage account, shared-key access disabled: article/story blobs, pipeline queues, deployment package
//   - a Service Bus namespace (Standard) with the alerts topic and a default subscription
//   - Application Insights on a Log Analytics workspace
//   - a user-assigned managed identity with least-privilege roles (modules/roles.bicep)
// See docs/azure.md for the commands, the idle cost and how to subscribe to alerts.
targetScope = 'subscription'

@minLength(1)
@maxLength(40)
@description('azd environment name (AZURE_ENV_NAME): names the resource group and seeds the resource names.')
param environmentName string

@minLength(1)
@description('Azure region for every resource. It must offer Flex Consumption (e.g. eastus, northeurope, swedencentral, uksouth, westus2).')
param location string

@description('Object id of the user running azd (AZURE_PRINCIPAL_ID). Gets read access to blobs/queues (Storage Explorer) and receive rights on the alerts subscription. Empty = no user roles.')
param principalId string = ''

@description('Type of principalId: User for a person, ServicePrincipal when a CI identity runs azd.')
@allowed([
  'User'
  'Group'
  'ServicePrincipal'
])
param principalType string = 'User'

@description('NCRONTAB (six fields, with seconds) of the schedule tick that enqueues polls for due feeds. Each feed keeps its own poll interval; the tick only bounds how late a poll can start.')
param feedwatchSchedule string = '0 */5 * * * *'

@description('Where the feeds configuration (feeds and tracked stories, JSON or YAML) is read from. Default: the feeds file shipped in the app package.')
param feedsFile string = 'feeds.yaml'

@description('Most Function App instances. Bounds cost and how hard outlets are hit during a backlog.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 10

@description('Memory per Function App instance in MB (Flex Consumption bills GB-seconds of this size).')
@allowed([
  512
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Storage redundancy.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string = 'Standard_LRS'

@description('Service Bus topic alerts are published to (CloudEvents JSON, MessageId = alert id).')
param alertsTopicName string = 'feedwatch-alerts'

@description('Subscription created on the alerts topic.')
param alertsSubscriptionName string = 'default'

@description('Daily Log Analytics ingestion cap in GB (-1 = none).')
param logDailyQuotaGb int = 1

var tags = {
  'azd-env-name': environmentName
  app: 'feedwatch'
}

// Deterministic per subscription + environment, so re-running azd up updates rather than duplicates.
var token = toLower(uniqueString(subscription().id, environmentName, location))
var names = {
  identity: 'id-feedwatch-${token}'
  logAnalytics: 'log-feedwatch-${token}'
  applicationInsights: 'appi-feedwatch-${token}'
  storage: 'stfw${token}'
  serviceBus: 'sb-feedwatch-${token}'
  plan: 'plan-feedwatch-${token}'
  functionApp: 'func-feedwatch-${token}'
}

// Must equal src/FeedWatch.Core/Ports/Queues/QueueNames.cs (tests/FeedWatch.Functions.CompileCheck checks it).
var pipelineQueues = [
  'feedwatch-poll-feed'
  'feedwatch-fetch-article'
  'feedwatch-classify-article'
  'feedwatch-deliver-alert'
  'feedwatch-alerts'
]
var deploymentContainerName = 'app-package'
var dataContainerName = 'feedwatch'

resource group 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity.bicep' = {
  scope: group
  name: 'identity'
  params: {
    name: names.identity
    location: location
    tags: tags
  }
}

module monitoring 'modules/monitoring.bicep' = {
  scope: group
  name: 'monitoring'
  params: {
    logAnalyticsName: names.logAnalytics
    applicationInsightsName: names.applicationInsights
    location: location
    tags: tags
    dailyQuotaGb: logDailyQuotaGb
  }
}

module storage 'modules/storage.bicep' = {
  scope: group
  name: 'storage'
  params: {
    name: names.storage
    location: location
    tags: tags
    skuName: storageSku
    deploymentContainerName: deploymentContainerName
    dataContainerName: dataContainerName
    queueNames: pipelineQueues
  }
}

module serviceBus 'modules/servicebus.bicep' = {
  scope: group
  name: 'servicebus'
  params: {
    name: names.serviceBus
    location: location
    tags: tags
    topicName: alertsTopicName
    subscriptionName: alertsSubscriptionName
  }
}

module roles 'modules/roles.bicep' = {
  scope: group
  name: 'roles'
  params: {
    storageAccountName: storage.outputs.name
    serviceBusNamespaceName: serviceBus.outputs.name
    topicName: serviceBus.outputs.topicName
    subscriptionName: serviceBus.outputs.subscriptionName
    applicationInsightsName: monitoring.outputs.applicationInsightsName
    appPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
  }
}

module functionApp 'modules/functionapp.bicep' = {
  scope: group
  name: 'functionapp'
  // The host needs its storage roles before it first starts.
  dependsOn: [
    roles
  ]
  params: {
    name: names.functionApp
    planName: names.plan
    location: location
    tags: tags
    azdServiceName: 'functions'
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    blobEndpoint: storage.outputs.blobEndpoint
    queueEndpoint: storage.outputs.queueEndpoint
    tableEndpoint: storage.outputs.tableEndpoint
    deploymentContainerName: deploymentContainerName
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    appSettings: {
      FEEDWATCH_SCHEDULE: feedwatchSchedule
      // FeedWatch's own blobs and queues live in the AzureWebJobsStorage account (the queues the triggers listen
      // to); the Functions app reads that connection itself. Only the container is chosen here.
      FeedWatch__Storage__Container: dataContainerName
      // The feeds file deployed with the app (src/FeedWatch.Functions/feeds.yaml), re-read on every tick.
      FeedWatch__FeedsFile: feedsFile
      // Alerts: the Service Bus topic sink, authenticated with the app's identity (DefaultAzureCredential picks
      // the user-assigned identity through AZURE_CLIENT_ID); no SAS key exists.
      FeedWatch__Alerts__Sinks__servicebus__Type: 'ServiceBus'
      FeedWatch__Alerts__Sinks__servicebus__FullyQualifiedNamespace: 'https://${serviceBus.outputs.fullyQualifiedNamespace}/'
      FeedWatch__Alerts__Sinks__servicebus__EntityPath: serviceBus.outputs.topicName
      FeedWatch__Alerts__Default__Sinks__0: 'servicebus'
      // Alert text on stdout only adds noise to the Functions logs; alerts are in blobs and on the topic.
      FeedWatch__ConsoleAlerts: 'false'
      FeedWatch__Http__AllowPrivateAddresses: 'false'
      // Telemetry: the worker exports FeedWatch's traces and metrics to the Application Insights above
      // (APPLICATIONINSIGHTS_CONNECTION_STRING, Entra ID through APPLICATIONINSIGHTS_AUTHENTICATION_STRING, both set by
      // the functionapp module). This names the role in Application Insights (see docs/operations.md).
      OTEL_SERVICE_NAME: 'feedwatch-functions'
    }
  }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = group.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_STORAGE_BLOB_ENDPOINT string = storage.outputs.blobEndpoint
output AZURE_STORAGE_QUEUE_ENDPOINT string = storage.outputs.queueEndpoint
output FEEDWATCH_DATA_CONTAINER string = dataContainerName
output AZURE_SERVICEBUS_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output AZURE_SERVICEBUS_ALERTS_TOPIC string = serviceBus.outputs.topicName
output AZURE_SERVICEBUS_ALERTS_SUBSCRIPTION string = serviceBus.outputs.subscriptionName
output APPLICATIONINSIGHTS_NAME string = monitoring.outputs.applicationInsightsName
output AZURE_MANAGED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
