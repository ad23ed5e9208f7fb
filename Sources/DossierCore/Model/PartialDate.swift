import Foundation

/// A date known to the year, the month or the day: `2017`, `2017-11`, `2017-11-13`. Never padded with an invented day.
public struct PartialDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    // Set only through `init(year:month:day:)`, which checks them: `iso` counts on a year of four digits at most.
    public private(set) var year: Int
    public private(set) var month: Int?
    public private(set) var day: Int?

    public init?(year: Int, month: Int? = nil, day: Int? = nil) {
        guard (1...9999).contains(year) else { return nil }
        if let month {
            guard (1...12).contains(month) else { return nil }
            if let day {
                guard (1...Self.daysIn(month: month, year: year)).contains(day) else { return nil }
            }
        } else if day != nil {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY`, `YYYY-MM`, `YYYY-MM-DD` (an ISO time after the day is ignored) and `DD/MM/YYYY`.
    public init?(parsing text: String) {
        if let (year, month, day) = Self.plainISO(text) {
            self.init(year: year, month: month, day: day)
            return
        }
        let text = text.trimmingCharacters(in: .whitespaces)
        // A time after the day is allowed (`2017-11-13T10:30`, `2017-11-13 10:30`) and ignored.
        let iso = String(text.prefix { $0 != "T" && $0 != " " })
        let isoParts = iso.split(separator: "-", omittingEmptySubsequences: false)
        if (1...3).contains(isoParts.count), isoParts[0].count == 4, isoParts.allSatisfy({ Self.isDigits($0) }),
            isoParts.dropFirst().allSatisfy({ $0.count == 2 })
        {
            self.init(
                year: Int(isoParts[0])!, month: isoParts.count > 1 ? Int(isoParts[1]) : nil,
                day: isoParts.count > 2 ? Int(isoParts[2]) : nil)
            return
        }
        let slashParts = text.split(separator: "/", omittingEmptySubsequences: false)
        if slashParts.count == 3, slashParts.allSatisfy({ Self.isDigits($0) }), slashParts[2].count == 4,
            (1...2).contains(slashParts[0].count), (1...2).contains(slashParts[1].count)
        {
            self.init(year: Int(slashParts[2])!, month: Int(slashParts[1]), day: Int(slashParts[0]))
            return
        }
        return nil
    }

    /// Machine-readable and sortable: `2017-11-13`, `2017-11`, `2017`.
    public var iso: String {
        // Digit by digit, not String(format:): this runs for every article in every list of every page.
        String(unsafeUninitializedCapacity: 10) { bytes in
            func put(_ number: Int, _ width: Int, at start: Int) {
                var rest = number
                for index in (start..<start + width).reversed() {
                    bytes[index] = UInt8(truncatingIfNeeded: rest % 10) + 0x30
                    rest /= 10
                }
            }
            put(year, 4, at: 0)
            guard let month else { return 4 }
            bytes[4] = UInt8(ascii: "-")
            put(month, 2, at: 5)
            guard let day else { return 7 }
            bytes[7] = UInt8(ascii: "-")
            put(day, 2, at: 8)
            return 10
        }
    }

    public var description: String { iso }

    /// As a French reader writes it: `13 novembre 2017`, `1er novembre 2017`, `novembre 2017`, `2017`.
    public var french: String {
        guard let month else { return String(year) }
        let monthYear = "\(Self.frenchMonths[month - 1]) \(year)"
        guard let day else { return monthYear }
        return "\(day == 1 ? "1er" : String(day)) \(monthYear)"
    }

    /// `novembre 2017`, for grouping by month.
    public var frenchMonth: String? {
        month.map { "\(Self.frenchMonths[$0 - 1]) \(year)" }
    }

    /// A less precise date sorts before the precise ones it contains: `2017-11` before `2017-11-13`.
    public static func < (lhs: PartialDate, rhs: PartialDate) -> Bool {
        (lhs.year, lhs.month ?? 0, lhs.day ?? 0) < (rhs.year, rhs.month ?? 0, rhs.day ?? 0)
    }

    /// Whether `other` falls inside this date's span (`2017-11` contains `2017-11-13`).
    public func contains(_ other: PartialDate) -> Bool {
        year == other.year && (month == nil || month == other.month) && (day == nil || day == other.day)
    }

    public static let frenchMonths = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY`, `YYYY-MM` or `YYYY-MM-DD` and nothing else, read from the bytes: the form nearly every front
    /// matter uses, met once per article. Anything else (spaces, a time, a French date) is left to the full rules.
    private static func plainISO(_ text: String) -> (year: Int, month: Int?, day: Int?)? {
        let read = text.utf8.withContiguousStorageIfAvailable { bytes -> (Int, Int?, Int?)? in
            guard bytes.count == 4 || bytes.count == 7 || bytes.count == 10 else { return nil }
            func number(_ range: Range<Int>) -> Int? {
                var value = 0
                for index in range {
                    let digit = bytes[index] &- 0x30
                    guard digit < 10 else { return nil }
                    value = value * 10 + Int(digit)
                }
                return value
            }
            guard let year = number(0..<4) else { return nil }
            guard bytes.count > 4 else { return (year, nil, nil) }
            guard bytes[4] == UInt8(ascii: "-"), let month = number(5..<7) else { return nil }
            guard bytes.count > 7 else { return (year, month, nil) }
            guard bytes[7] == UInt8(ascii: "-"), let day = number(8..<10) else { return nil }
            return (year, month, day)
        }
        return read ?? nil
    }

    private static func isDigits(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
