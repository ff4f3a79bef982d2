// Registers TaskForce Bot as an Azure Bot with the Microsoft Teams, Web Chat and Direct Line channels.
// Single-tenant by default (an Entra app registration in this tenant); optionally a user-assigned managed
// identity, created here or an existing one in this resource group.
// Deploy: see README.md beside this file.

targetScope = 'resourceGroup'

@description('Resource name of the Azure Bot (its bot handle), unique across Azure.')
@minLength(2)
@maxLength(64)
param botName string

@description('Display name shown in the Azure portal and in channels.')
@maxLength(42)
param displayName string = 'TaskForce Bot'

@description('HTTPS URL where the bot receives activities, e.g. https://taskforce.example.gov.cn/api/messages.')
param messagingEndpoint string

@description('Pricing tier: F0 (free, standard channels only) or S1.')
@allowed([
  'F0'
  'S1'
])
param sku string = 'S1'

@description('How the bot authenticates: SingleTenant (Entra app registration) or UserAssignedMSI (managed identity).')
@allowed([
  'SingleTenant'
  'UserAssignedMSI'
])
param appType string = 'SingleTenant'

@description('SingleTenant only: the Entra application (client) id of the bot\'s app registration.')
param appId string = ''

@description('UserAssignedMSI only: name of an existing user-assigned identity in this resource group; empty creates one.')
param existingIdentityName string = ''

@description('UserAssignedMSI only: name of the identity created when existingIdentityName is empty.')
param identityName string = '${botName}-identity'

@description('Region of a created managed identity. The bot resource itself is global.')
param identityLocation string = resourceGroup().location

@description('Tags put on every resource.')
param tags object = {}

var useManagedIdentity = appType == 'UserAssignedMSI'
var createIdentity = useManagedIdentity && empty(existingIdentityName)
var referenceIdentity = useManagedIdentity && !empty(existingIdentityName)

resource createdIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = if (createIdentity) {
  name: identityName
  location: identityLocation
  tags: tags
}

resource existingIdentity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' existing = if (referenceIdentity) {
  name: existingIdentityName
}

var identityResourceId = createIdentity ? createdIdentity.id : (referenceIdentity ? existingIdentity.id : '')
var identityClientId = createIdentity
  ? createdIdentity!.properties.clientId
  : (referenceIdentity ? existingIdentity!.properties.clientId : '')
var msaAppId = useManagedIdentity ? identityClientId : appId

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: botName
  location: 'global'
  kind: 'azurebot'
  tags: tags
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: appType
    msaAppId: msaAppId
    msaAppTenantId: tenant().tenantId
    msaAppMSIResourceId: useManagedIdentity ? identityResourceId : null
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
      acceptedTerms: true
    }
  }
}

resource webChatChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'WebChatChannel'
  location: 'global'
  properties: {
    channelName: 'WebChatChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isWebchatPreviewEnabled: true
        }
      ]
    }
  }
}

resource directLineChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'DirectLineChannel'
  location: 'global'
  properties: {
    channelName: 'DirectLineChannel'
    properties: {
      sites: [
        {
          siteName: 'Default Site'
          isEnabled: true
          isV1Enabled: false
          isV3Enabled: true
          isSecureSiteEnabled: false
        }
      ]
    }
  }
}

@description('Resource id of the Azure Bot.')
output botResourceId string = bot.id

@description('The Microsoft App ID to configure on the bot host and to pass to manifest pack --app-id.')
output microsoftAppId string = msaAppId

@description('The tenant the bot authenticates in.')
output microsoftAppTenantId string = tenant().tenantId

@description('Resource id of the managed identity (UserAssignedMSI), otherwise empty.')
output managedIdentityResourceId string = identityResourceId
