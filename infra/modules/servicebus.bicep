// Where spread alerts reach people and systems: a Service Bus topic. Standard tier is the lowest with topics.
// Local (SAS key) auth is disabled; the app sends with its managed identity (Azure Service Bus Data Sender on the
// topic only). Duplicate detection uses MessageId = alert id, so a re-delivered alert is dropped by Service Bus.

@description('Service Bus namespace name (globally unique).')
param name string

@description('Azure region.')
param location string

@description('Tags for every resource.')
param tags object = {}

@description('Topic the alerts are published to.')
param topicName string

@description('Subscription created with the topic, so alerts are kept from the first one on.')
param subscriptionName string

@description('How long Service Bus remembers message ids to drop duplicates.')
param duplicateDetectionWindow string = 'PT1H'

@description('How long an alert waits in a subscription before it expires into the dead-letter queue.')
param messageTimeToLive string = 'P14D'

resource namespace 'Microsoft.ServiceBus/namespaces@2022-10-01-preview' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource topic 'Microsoft.ServiceBus/namespaces/topics@2022-10-01-preview' = {
  parent: namespace
  name: topicName
  properties: {
    requiresDuplicateDetection: true
    duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    defaultMessageTimeToLive: messageTimeToLive
    maxSizeInMegabytes: 1024
    supportOrdering: true
  }
}

resource alertsSubscription 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2022-10-01-preview' = {
  parent: topic
  name: subscriptionName
  properties: {
    maxDeliveryCount: 10
    lockDuration: 'PT1M'
    defaultMessageTimeToLive: messageTimeToLive
    deadLetteringOnMessageExpiration: true
    deadLetteringOnFilterEvaluationExceptions: true
  }
}

output name string = namespace.name
output id string = namespace.id
output fullyQualifiedNamespace string = '${namespace.name}.servicebus.windows.net'
output topicName string = topic.name
output topicId string = topic.id
output subscriptionName string = alertsSubscription.name
