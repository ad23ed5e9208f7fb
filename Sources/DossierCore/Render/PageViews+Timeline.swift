/// The timeline: every article by year and month, on one page or, for a big dossier, one page per year.
extension PageViews {
    /// Above this many articles the timeline gets a page per year, linked from an overview of years and months.
    static let timelineSplit = 300
    /// Entity tags shown per article in the timeline (the most mentioned first).
    static let timelineTags = 8

    var timelineIsSplit: Bool { site.articles.count > Self.timelineSplit }

    /// The year pages of a split timeline: `timeline/2017/`, `timeline/sans-date/`.
    var timelineYearPages: [(key: String, url: SiteURL)] {
        guard timelineIsSplit else { return [] }
        let years = timelineYears
        return years.map { ($0.key, SiteURL("timeline/\($0.key)/")) }
    }

    private static func yearKey(_ date: PartialDate?) -> String { date.map { String($0.year) } ?? "sans-date" }

    /// The articles by year and month, in the order the site lists them: a run of articles of one month is one
    /// month. A year's articles follow each other, so each year page takes its own months from this one pass.
    struct TimelineYear: Sendable {
        var key: String
        var label: String
        var months: [TimelineMonth]
    }

    struct TimelineMonth: Sendable {
        var id: String
        var label: String
        var articles: Range<Int>
    }

    /// One pass over the articles, comparing numbers: the keys and labels are made once per month, not once
    /// per article and year page.
    static func timelineYears(of articles: [LinkedArticle]) -> [TimelineYear] {
        var years: [TimelineYear] = []
        var last: (year: Int?, month: Int?)?
        for (index, linked) in articles.enumerated() {
            let date = linked.article.date
            let here = (year: date?.year, month: date?.month)
            if let last, last == here {
                let (year, month) = (years.count - 1, years[years.count - 1].months.count - 1)
                let start = years[year].months[month].articles.lowerBound
                years[year].months[month].articles = start..<(index + 1)
                continue
            }
            if last == nil || last?.year != here.year {
                let label = date.map { String($0.year) } ?? "Sans date"
                years.append(TimelineYear(key: yearKey(date), label: label, months: []))
            }
            let id = date.map { $0.month == nil ? "\($0.year)" : String($0.iso.prefix(7)) } ?? "sans-date"
            let label = date.map { $0.frenchMonth ?? "\($0.year), mois inconnu" } ?? "Sans date"
            years[years.count - 1].months.append(TimelineMonth(id: id, label: label, articles: index..<(index + 1)))
            last = here
        }
        return years
    }

    /// The grouping made up front for a build; made here for a page rendered on demand.
    var timelineYears: [TimelineYear] {
        timelineGroups.isEmpty ? Self.timelineYears(of: site.articles) : timelineGroups
    }

    /// `timeline/`: every article by year and month; or, for a big dossier, the years and months with links
    /// to one page per year (`year` set).
    func timeline(year selected: String? = nil) -> PageContext {
        let page = selected.map { SiteURL("timeline/\($0)/") } ?? SiteURL("timeline/")
        let prefix = page.rootPrefix
        let overview = timelineIsSplit && selected == nil
        let all = timelineYears
        let years = selected.map { key in all.filter { $0.key == key } } ?? all
        return PageContext { context in
            setCommon(
                &context, page: page,
                title: selected.map { "Chronologie : \($0 == "sans-date" ? "sans date" : $0)" } ?? "Chronologie")
            if selected != nil {
                context.set(
                    "overview", context.object { $0.set("url", text: SiteURL("timeline/").relative(from: page)) })
            }
            context.set(
                "years",
                context.list { context in
                    for year in years {
                        let yearURL = SiteURL("timeline/\(year.key)/")
                        context.item(
                            context.object { context in
                                context.set("year", text: year.label)
                                context.set("count", int: year.months.reduce(0) { $0 + $1.articles.count })
                                context.set(
                                    "months",
                                    context.list { context in
                                        for month in year.months {
                                            context.item(
                                                timelineMonth(
                                                    month, yearURL: overview ? yearURL : nil, page: page,
                                                    prefix: prefix,
                                                    in: &context))
                                        }
                                    })
                                if overview { context.set("url", text: yearURL.relative(from: page)) }
                            })
                    }
                })
        }
    }

    /// A month of the timeline: with its articles, or on the overview (`yearURL` set) with a link to them.
    private func timelineMonth(
        _ month: TimelineMonth, yearURL: SiteURL?, page: SiteURL, prefix: String, in context: inout PageContext
    ) -> Int32 {
        context.object { context in
            context.set("id", text: "mois-\(month.id)")
            context.set("label", text: month.label)
            context.set("count", int: month.articles.count)
            if let yearURL {
                context.set("url", text: yearURL.relative(from: page) + "#mois-\(month.id)")
                context.set("articles", context.list { _ in })
            } else {
                context.set(
                    "articles",
                    context.list { context in
                        for index in month.articles {
                            context.item(timelineEntry(index, from: page, prefix: prefix, in: &context))
                        }
                    })
            }
        }
    }

    private func timelineEntry(_ index: Int, from page: SiteURL, prefix: String, in context: inout PageContext) -> Int32
    {
        // Most mentioned first, then in registry order (the order the counts come in).
        let counts = site.articles[index].entityCounts.enumerated()
            .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
            .prefix(Self.timelineTags).map(\.element)
        return context.object { context in
            setArticleReference(index, prefix: prefix, in: &context)
            context.set(
                "entities",
                context.list { context in
                    for count in counts {
                        context.item(entityReference(at: count.entity, count: count.count, from: page, in: &context))
                    }
                })
        }
    }
}
