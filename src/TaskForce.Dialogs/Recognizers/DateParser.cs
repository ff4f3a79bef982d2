using System.Globalization;
using System.Text.RegularExpressions;

namespace TaskForce.Dialogs.Recognizers;

/// <summary>
/// Reads the first date expression of a message relative to today: days, weekdays, weeks, months, "in N days",
/// "next N days", overdue. A day without a year is placed in the year that brings it closest to today.
/// </summary>
internal static class DateParser
{
    public static DateResult Parse(string text, DateOnly today, Lexicon lexicon)
    {
        // The automaton finds each date's bounds without captures; the pattern that matched there is then run alone
        // for its groups, which is much cheaper than the automaton's capture pass.
        foreach (ValueMatch bounds in lexicon.DateRegex.EnumerateMatches(text))
        {
            (Match match, int alternative) = Identify(text, bounds, lexicon);
            string kind = lexicon.DateKinds[alternative];
            if (kind is "month-day" or "iso" && HasImpossibleYear(text, match, lexicon.YearMarker))
            {
                continue;
            }

            DateResult? result;
            try
            {
                result = Read(text, match, kind, today, lexicon);
            }
            catch (ArgumentOutOfRangeException)
            {
                // Arithmetic past year 9999 or before year 1 (99999999 days from now): no date anyone means.
                result = null;
            }

            if (result is { } found)
            {
                return found;
            }
        }

        return default;
    }

    /// <summary>
    /// A day whose written year is not a calendar year: more digits before the match (year 99999 matched from its last
    /// four digits) or a year the pattern could not take (year 0 or 10000).
    /// </summary>
    private static bool HasImpossibleYear(string text, Match match, string yearMarker)
    {
        if (match.Index > 0 && char.IsAsciiDigit(text[match.Index - 1]))
        {
            return true;
        }

        if (match.Groups["y"].Success)
        {
            return false;
        }

        ReadOnlySpan<char> before = text.AsSpan(0, match.Index).TrimEnd();
        return before.EndsWith(yearMarker, StringComparison.Ordinal) && before.Length > yearMarker.Length && char.IsAsciiDigit(before[^(yearMarker.Length + 1)]);
    }

    /// <summary>
    /// The first pattern (in the alternation's order) that matches at the date's start, as the alternation would take
    /// it; should it end elsewhere, the alternation's own match with its captures is used instead.
    /// </summary>
    private static (Match Match, int Alternative) Identify(string text, ValueMatch bounds, Lexicon lexicon)
    {
        for (int i = 0; i < lexicon.DateAlternatives.Count; i++)
        {
            Match match = lexicon.DateAlternatives[i].Match(text, bounds.Index);
            if (match.Success)
            {
                if (match.Length == bounds.Length)
                {
                    return (match, i);
                }

                break;
            }
        }

        Match full = lexicon.DateRegex.Match(text, bounds.Index);
        return (full, RecognizerData.Alternative(full, lexicon.DateGroups));
    }

    private static DateResult? Read(string text, Match match, string kind, DateOnly today, Lexicon lexicon)
    {
        // A bare day of the month is only read with its own "before" word, so it is always a deadline.
        bool before = kind == "day-of-month" || HasBeforeSuffix(text, match.Index + match.Length, lexicon) || HasBeforePrefix(text, match.Index, lexicon);
        bool due = before || IsForecast(text, match.Index, match.Index + match.Length, lexicon);
        DateOnly monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        DateOnly firstOfMonth = new(today.Year, today.Month, 1);
        switch (kind)
        {
            case "overdue":
                return new DateResult(DateScope.Overdue, null, null, null);
            case "today":
                return new DateResult(DateScope.Today, new DateRange(today, today), null, due ? today : null);
            case "this-week":
                return Range(DateScope.ThisWeek, monday, monday.AddDays(6), due);
            case "next-week":
                return Range(DateScope.NextWeek, monday.AddDays(7), monday.AddDays(13), due);
            case "this-month":
                return Range(DateScope.ThisMonth, firstOfMonth, firstOfMonth.AddMonths(1).AddDays(-1), due);
            case "next-month":
                return Range(DateScope.ByDate, firstOfMonth.AddMonths(1), firstOfMonth.AddMonths(2).AddDays(-1), due);
            case "next-days":
            case "next-weeks":
                return Number(match, lexicon) is int count and > 0
                    ? NextDays(kind == "next-weeks" ? count * 7 : count, today)
                    : null;
            default:
                DateOnly? day = Day(kind, match, today, monday, lexicon);
                return day is { } d ? Single(d, today, before, due) : null;
        }
    }

    private static DateOnly? Day(string kind, Match match, DateOnly today, DateOnly monday, Lexicon lexicon) => kind switch
    {
        "tomorrow" => today.AddDays(1),
        "days-after" => Number(match, lexicon) is int n ? today.AddDays(n) : null,
        "weeks-after" => Number(match, lexicon) is int w ? today.AddDays(7 * w) : null,
        "month-part" => MonthPart(match, today, lexicon),
        "year-end" => new DateOnly(today.Year, 12, 31),
        "month-end" => MonthEnd(match, today, lexicon),
        "weekday" => Weekday(match, today, monday, lexicon),
        "month-day" or "iso" => MonthDay(match, today, lexicon),
        "day-of-month" => DayOfMonth(match, today, lexicon),
        "holiday" => Holiday(match, today, lexicon),
        _ => null,
    };

    /// <summary>The next date with that day of the month: this month's when it is still ahead, else next month's.</summary>
    private static DateOnly? DayOfMonth(Match match, DateOnly today, Lexicon lexicon)
    {
        int day = lexicon.ParseNumber(match.Groups["d"].Value) ?? 0;
        for (int ahead = 0; ahead < 3 && day is >= 1 and <= 31; ahead++)
        {
            DateOnly month = new DateOnly(today.Year, today.Month, 1).AddMonths(ahead);
            if (day <= DateTime.DaysInMonth(month.Year, month.Month) && month.AddDays(day - 1) >= today)
            {
                return month.AddDays(day - 1);
            }
        }

        return null;
    }

    /// <summary>The festival's next date on or after today, from the lexicon's holidays table.</summary>
    private static DateOnly? Holiday(Match match, DateOnly today, Lexicon lexicon)
    {
        string name = Regex.Replace(match.Groups["h"].Value, @"\s+", " ");
        if (!lexicon.Holidays.TryGetValue(name, out IReadOnlyList<string>? dates))
        {
            return null;
        }

        IEnumerable<DateOnly> candidates = dates.SelectMany(d => d.Length == 5
            ? [Parse(today.Year + "-" + d), Parse(today.Year + 1 + "-" + d)]
            : (DateOnly[])[Parse(d)]);
        return candidates.Where(d => d >= today).Order().Cast<DateOnly?>().FirstOrDefault();
    }

    private static DateOnly Parse(string isoDate) => DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateResult NextDays(int days, DateOnly today) =>
        new(DateScope.NextDays, new DateRange(today, today.AddDays(days)), days, null);

    private static DateResult Range(DateScope scope, DateOnly from, DateOnly to, bool due) =>
        new(scope, new DateRange(from, to), null, due ? to : null);

    private static DateResult Single(DateOnly day, DateOnly today, bool before, bool due) =>
        before && day >= today
            ? new DateResult(DateScope.ByDate, new DateRange(today, day), null, day)
            : new DateResult(DateScope.ByDate, new DateRange(day, day), null, due ? day : null);

    private static int? Number(Match match, Lexicon lexicon) =>
        match.Groups["n"].Success ? lexicon.ParseNumber(match.Groups["n"].Value) : null;

    private static DateOnly? Weekday(Match match, DateOnly today, DateOnly monday, Lexicon lexicon)
    {
        string day = match.Groups["day"].Value;
        string key = day.Length > 3 ? day[..3] : day;
        if (!lexicon.Weekdays.TryGetValue(key, out int number) && !int.TryParse(day, out number))
        {
            return null;
        }

        DateOnly date = monday.AddDays(number - 1);
        Group mod = match.Groups["mod"];
        if (mod.Success && lexicon.NextWords.Contains(mod.Value))
        {
            return date.AddDays(7);
        }

        return !mod.Success && date < today ? date.AddDays(7) : date;
    }

    private static DateOnly? MonthEnd(Match match, DateOnly today, Lexicon lexicon)
    {
        int month = match.Groups["m"].Success ? lexicon.ParseNumber(match.Groups["m"].Value) ?? 0 : today.Month;
        if (month is < 1 or > 12)
        {
            return null;
        }

        return match.Groups["m"].Success
            ? Closest(today, year => new DateOnly(year, month, DateTime.DaysInMonth(year, month)))
            : new DateOnly(today.Year, month, DateTime.DaysInMonth(today.Year, month));
    }

    /// <summary>12月中旬 or late Dec: a fixed day of the month's early, middle or late part.</summary>
    private static DateOnly? MonthPart(Match match, DateOnly today, Lexicon lexicon)
    {
        int month = match.Groups["mname"].Success ? IndexOfMonth(match.Groups["mname"].Value, lexicon) + 1
            : match.Groups["m"].Success ? lexicon.ParseNumber(match.Groups["m"].Value) ?? 0
            : today.Month;
        if (month is < 1 or > 12 || !lexicon.MonthParts.TryGetValue(match.Groups["part"].Value, out int day))
        {
            return null;
        }

        return Closest(today, year => new DateOnly(year, month, Math.Min(day, DateTime.DaysInMonth(year, month))));
    }

    private static DateOnly? MonthDay(Match match, DateOnly today, Lexicon lexicon)
    {
        int month = match.Groups["mname"].Success
            ? IndexOfMonth(match.Groups["mname"].Value, lexicon) + 1
            : lexicon.ParseNumber(match.Groups["m"].Value) ?? 0;
        int day = lexicon.ParseNumber(match.Groups["d"].Value) ?? 0;
        if (month is < 1 or > 12 || day < 1 || day > 31)
        {
            return null;
        }

        if (match.Groups["y"].Success && lexicon.ParseNumber(match.Groups["y"].Value) is int year)
        {
            // Year 0 or 10000 is no date at all (and DateTime refuses it), so the phrase is not read as one.
            return year is >= 1 and <= 9999 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }

        return Closest(today, y => day <= DateTime.DaysInMonth(y, month) ? new DateOnly(y, month, day) : null);
    }

    private static int IndexOfMonth(string name, Lexicon lexicon)
    {
        string key = name.Length > 3 ? name[..3] : name;
        for (int i = 0; i < lexicon.Months.Count; i++)
        {
            if (lexicon.Months[i] == key)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The date, in last, this or next year, that lies closest to today.</summary>
    private static DateOnly? Closest(DateOnly today, Func<int, DateOnly?> inYear)
    {
        DateOnly? best = null;
        for (int year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (inYear(year) is { } date && (best is null || Math.Abs(date.DayNumber - today.DayNumber) < Math.Abs(best.Value.DayNumber - today.DayNumber)))
            {
                best = date;
            }
        }

        return best;
    }

    private static bool HasBeforeSuffix(string text, int end, Lexicon lexicon)
    {
        int i = SkipSpaces(text, end);
        foreach (string suffix in lexicon.BeforeSuffixes)
        {
            if (string.CompareOrdinal(text, i, suffix, 0, suffix.Length) == 0 && (!Phrase.IsWordChar(suffix[0]) || i + suffix.Length == text.Length || !Phrase.IsWordChar(text[i + suffix.Length])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasBeforePrefix(string text, int start, Lexicon lexicon)
    {
        ReadOnlySpan<char> head = text.AsSpan(0, start).TrimEnd();
        foreach (string prefix in lexicon.BeforePrefixes)
        {
            if (head.EndsWith(prefix, StringComparison.Ordinal) && (head.Length == prefix.Length || !Phrase.IsWordChar(head[^(prefix.Length + 1)])))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A forecast word shortly before the date, or right after it (past a "before" suffix).</summary>
    private static bool IsForecast(string text, int start, int end, Lexicon lexicon)
    {
        int windowStart = Math.Max(0, start - 8);
        ReadOnlySpan<char> head = text.AsSpan(windowStart, start - windowStart);
        int after = SkipSpaces(text, end);
        ReadOnlySpan<char> tail = text.AsSpan(after, Math.Min(text.Length, after + 6) - after);
        foreach (string word in lexicon.ForecastWords)
        {
            if (Phrase.Find(head, word) >= 0 || tail.StartsWith(word, StringComparison.Ordinal) || StartsAfterSuffix(tail, word, lexicon))
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsAfterSuffix(ReadOnlySpan<char> tail, string word, Lexicon lexicon)
    {
        foreach (string suffix in lexicon.BeforeSuffixes)
        {
            if (tail.StartsWith(suffix, StringComparison.Ordinal) && tail[suffix.Length..].TrimStart().StartsWith(word, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static int SkipSpaces(string text, int index)
    {
        while (index < text.Length && text[index] == ' ')
        {
            index++;
        }

        return index;
    }
}
