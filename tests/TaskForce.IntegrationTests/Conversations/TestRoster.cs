using TaskForce.Dialogs.Rendering;
using TaskForce.Dialogs.Texts;

namespace TaskForce.IntegrationTests.Conversations;

/// <summary>A small roster for conversation tests, and the bot's texts to compare replies with.</summary>
internal static class TestRoster
{
    public const string StaffAad = "aad-staff-zhang";
    public const string OtherStaffAad = "aad-staff-wang";
    public const string LeadAad = "aad-lead-li";
    public const string CommanderAad = "aad-commander-sun";
    public const string EnglishStaffAad = "aad-staff-smith";
    public const string EnglishCommanderAad = "aad-commander-lee";

    public const string Yaml = """
        departments:
          - { key: ocean-bureau, name: 市海洋发展局, nameEn: Ocean Development Bureau, aliases: [海洋局] }
          - { key: commerce, name: 市商务局, nameEn: Commerce Bureau, aliases: [商务局] }
        campaigns:
          - { key: ocean, name: 经略海洋攻势, nameEn: Ocean Offensive, aliases: [海洋攻势] }
          - { key: fashion, name: 国际时尚城建设攻势, nameEn: Fashion City Offensive, aliases: [时尚城攻势] }
        members:
          - { key: zhang, name: 张伟, nameEn: Zhang Wei, department: ocean-bureau, aadObjectId: aad-staff-zhang, roles: [{ role: staff, campaign: ocean }] }
          - { key: wang, name: 王芳, nameEn: Wang Fang, department: ocean-bureau, aadObjectId: aad-staff-wang, roles: [{ role: staff, campaign: ocean }] }
          - { key: li, name: 李强, nameEn: Li Qiang, department: ocean-bureau, aadObjectId: aad-lead-li, roles: [{ role: team_lead, campaign: ocean }] }
          - { key: sun, name: 孙远航, nameEn: Sun Yuanhang, aadObjectId: aad-commander-sun, roles: [{ role: commander, campaign: ocean }] }
          - { key: smith, name: 史密斯, nameEn: Anna Smith, department: ocean-bureau, locale: en-US, aadObjectId: aad-staff-smith, roles: [{ role: staff, campaign: ocean }] }
          - { key: lee, name: 李安, nameEn: Andrew Lee, locale: en-US, aadObjectId: aad-commander-lee, roles: [{ role: commander, campaign: fashion }] }
          - { key: zhao, name: 赵明, nameEn: Zhao Ming, department: commerce, email: zhao.ming@example.org, roles: [{ role: staff, campaign: fashion }] }
        tasks:
          - { key: T1, campaign: ocean, title: 海洋牧场示范区建设, titleEn: Marine ranch demonstration zone, owner: zhang, department: ocean-bureau, start: 2026-09-01, deadline: 2026-12-31 }
          - { key: T2, campaign: ocean, title: 港口航道疏浚工程, titleEn: Harbor dredging, aliases: [航道疏浚], owner: zhang, department: ocean-bureau, start: 2026-10-01, deadline: 2027-03-31 }
          - { key: T3, campaign: ocean, title: 远洋渔业基地扩建, titleEn: Deep-sea fishing base expansion, owner: wang, department: ocean-bureau, start: 2026-08-01, deadline: 2026-12-15 }
          - { key: T5, campaign: ocean, title: 港区灯塔改造, titleEn: Harbor lighthouse upgrade, aliases: [lighthouse], owner: smith, department: ocean-bureau, start: 2026-10-01, deadline: 2027-02-28 }
          - { key: T4, campaign: fashion, title: 首店引进二十家, titleEn: Attract 20 first stores, owner: zhao, department: commerce, start: 2026-06-01, deadline: 2026-12-31 }
        """;

    private static readonly Lazy<TextCatalog> s_texts = new(() => TextCatalog.LoadDirectory(TextCatalog.DefaultDirectory));

    /// <summary>A catalogue text as a Teams user receives it (the conversations here are on the msteams channel).</summary>
    public static string Text(string file, string key, string locale = Locales.Chinese, params (string, object?)[] args) =>
        ActivityRenderer.ForChannel(s_texts.Value.Get(new TextKey(file, key), locale, args), "msteams");

    /// <summary>The part of a text before its first placeholder, for replies whose values vary.</summary>
    public static string Prefix(string file, string key, string locale = Locales.Chinese)
    {
        string text = Text(file, key, locale);
        int brace = text.IndexOf('{', StringComparison.Ordinal);
        return brace < 0 ? text : text[..brace];
    }
}
