import Testing

@testable import DossierCore

@Suite("Partial dates")
struct PartialDateTests {
    @Test("`2017` is a year, with no month and no day")
    func year() throws {
        let date = try #require(PartialDate(parsing: "2017"))
        #expect(date.year == 2017)
        #expect(date.month == nil)
        #expect(date.day == nil)
        #expect(date.iso == "2017")
    }

    @Test("`2017-11` is a month, with no invented day")
    func month() throws {
        let date = try #require(PartialDate(parsing: "2017-11"))
        #expect(date == PartialDate(year: 2017, month: 11))
        #expect(date.day == nil)
        #expect(date.iso == "2017-11")
    }

    @Test("`2017-11-13` and `13/11/2017` are the same day")
    func day() throws {
        let iso = try #require(PartialDate(parsing: "2017-11-13"))
        let french = try #require(PartialDate(parsing: "13/11/2017"))
        #expect(iso == PartialDate(year: 2017, month: 11, day: 13))
        #expect(french == iso)
        #expect(french.iso == "2017-11-13")
    }

    @Test("`1/3/2018` without leading zeros is 1 March 2018")
    func frenchWithoutZeros() {
        #expect(PartialDate(parsing: "1/3/2018") == PartialDate(year: 2018, month: 3, day: 1))
    }

    @Test("An ISO date with a time keeps the day", arguments: ["2017-11-13T10:30:00Z", "2017-11-13T10:30:00+01:00", " 2017-11-13 "])
    func isoWithTime(text: String) {
        #expect(PartialDate(parsing: text) == PartialDate(year: 2017, month: 11, day: 13))
    }

    @Test(
        "Impossible or malformed dates are rejected",
        arguments: ["2017-13", "2017-00", "2017-02-30", "2017-11-31", "2017-02-29", "32/01/2017", "13/13/2017", "17-11-13",
            "2017-1", "2017/11", "novembre 2017", "", "2017-11-13-01"])
    func rejected(text: String) {
        #expect(PartialDate(parsing: text) == nil)
    }

    @Test("29 February exists in leap years only")
    func leapYear() {
        #expect(PartialDate(parsing: "2016-02-29") != nil)
        #expect(PartialDate(parsing: "2000-02-29") != nil)
        #expect(PartialDate(parsing: "1900-02-29") == nil)
    }

    @Test(
        "French readers see `13 novembre 2017`, `1er novembre 2017`, `novembre 2017`, `2017`",
        arguments: [
            ("2017-11-13", "13 novembre 2017"), ("2017-11-01", "1er novembre 2017"), ("2017-11", "novembre 2017"),
            ("2017-08-02", "2 août 2017"), ("2018-02", "février 2018"), ("2017", "2017"),
        ])
    func french(text: String, expected: String) throws {
        let date = try #require(PartialDate(parsing: text))
        #expect(date.french == expected)
    }

    @Test("A month sorts before its days, and its days before the next month")
    func sorting() throws {
        let texts = ["2017-12", "2017-11-13", "2018", "2017-11", "2016-12-31", "2017"]
        let dates = try texts.map { try #require(PartialDate(parsing: $0)) }
        #expect(dates.sorted().map(\.iso) == ["2016-12-31", "2017", "2017-11", "2017-11-13", "2017-12", "2018"])
    }

    @Test("A month contains its days; a day does not contain its month")
    func contains() throws {
        let month = try #require(PartialDate(parsing: "2017-11"))
        let day = try #require(PartialDate(parsing: "2017-11-13"))
        #expect(month.contains(day))
        #expect(!day.contains(month))
        #expect(!month.contains(try #require(PartialDate(parsing: "2017-12-01"))))
    }

    @Test("a date read from its bytes (`2017-11-13`, `2017-11`, `2017`) reads as the full rules read it")
    func plainFormsAgreeWithTheFullRules() {
        // A leading space takes any text past the shortcut for plain dates, through the full rules.
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("0123456789-/T 0123456789")
        var plain = 0
        for _ in 0..<20_000 {
            let length = [4, 7, 10].randomElement(using: &generator)!
            var text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            if Bool.random(using: &generator) {
                // Digits, and mostly hyphens where a plain date has them, to meet valid and invalid dates alike.
                text = String(
                    (0..<length).map { index in
                        index == 4 || index == 7
                            ? Array("----/T ").randomElement(using: &generator)!
                            : Character(String(Int.random(in: 0...9, using: &generator)))
                    })
            }
            if PartialDate(parsing: text) != nil { plain += 1 }
            #expect(PartialDate(parsing: text) == PartialDate(parsing: " " + text), "\(text)")
        }
        #expect(plain > 1_000)
    }
}
