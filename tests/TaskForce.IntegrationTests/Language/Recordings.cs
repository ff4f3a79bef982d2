namespace TaskForce.IntegrationTests.Language;

/// <summary>Chat-completion responses in the shape Azure OpenAI returns them (recorded, ids and times shortened).</summary>
internal static class Recordings
{
    public const string Extraction = """
        {"id":"chatcmpl-A1","object":"chat.completion","created":1900000000,"model":"gpt-4o-2024-08-06",
         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
           "message":{"role":"assistant","refusal":null,
             "content":"{\"intent\":\"ReportProgress\",\"task_id\":1,\"percent\":70,\"status\":\"Behind\",\"note\":\"pour the deck next week\",\"blocker_text\":\"waiting for the sea-use permit\",\"department_ids\":[2],\"severity\":\"High\",\"due_date\":null,\"date_from\":null,\"date_to\":null}"},
           "content_filter_results":{}}],
         "usage":{"prompt_tokens":412,"completion_tokens":61,"total_tokens":473},
         "system_fingerprint":"fp_test","prompt_filter_results":[]}
        """;

    public const string OverdueToolCall = """
        {"id":"chatcmpl-B1","object":"chat.completion","created":1900000001,"model":"gpt-4o-2024-08-06",
         "choices":[{"index":0,"finish_reason":"tool_calls","logprobs":null,
           "message":{"role":"assistant","content":null,"refusal":null,
             "tool_calls":[{"id":"call_overdue","type":"function","function":{"name":"list_tasks","arguments":"{\"overdue\":true}"}}]}}],
         "usage":{"prompt_tokens":520,"completion_tokens":18,"total_tokens":538}}
        """;

    public const string OverdueAnswer = """
        {"id":"chatcmpl-B2","object":"chat.completion","created":1900000002,"model":"gpt-4o-2024-08-06",
         "choices":[{"index":0,"finish_reason":"stop","logprobs":null,
           "message":{"role":"assistant","refusal":null,"content":"One task is overdue: Pier permit, due 2030-03-10, at 40%."}}],
         "usage":{"prompt_tokens":690,"completion_tokens":22,"total_tokens":712}}
        """;

    public const string RateLimited = """
        {"error":{"code":"429","message":"Requests to the ChatCompletions_Create Operation have exceeded call rate limit. Please retry after 1 second."}}
        """;
}
