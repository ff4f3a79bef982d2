-- The outbound token allow-list asks whether a service URL was ever seen on a validated activity.
CREATE INDEX IX_ConversationReferences_ServiceUrl ON ConversationReferences(ServiceUrl);
