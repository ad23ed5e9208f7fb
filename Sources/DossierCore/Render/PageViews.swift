/// Builds the context of each template, exactly as `Templates/README.md` documents it.
struct PageViews {
    let site: Site
    /// Per kind, the entities mentioned at least once, in French order: computed once, used by every page.
    private let mentionedByKind: [EntityKind: [Entity]]
    /// The mentioned towns that have coordinates.
    private let mappedTowns: [Entity]
    /// The same, most mentioned first (then by name): the order a town's map picks its neighbours in.
    private let mappedTownsByMentions: [Entity]
    /// Their ids and coordinates, in that order: a town's map looks through every town for its neighbours, and
    /// read from the entities, each town looked at was copied whole (its name, aliases and summary retained).
    private let mappedTownPlaces: [(id: String, coordinates: Coordinates)]

    /// Whether the site has a map page: some mentioned town has coordinates.
    var hasMap: Bool { !mappedTowns.isEmpty }
    /// Each article's reference as seen from a page two folders deep (`towns/x/`, `articles/y/`,
    /// `timeline/2017/`): where most lists are, so built once instead of once per list.
    private let referencesAtDepthTwo: [TemplateValue]
    /// The same from four folders deep, where the further pages of an entity list its articles (`towns/x/page/2/`).
    private let referencesAtDepthFour: [TemplateValue]
    /// Each article's mentions by entity, grouped once: filtering an article's mentions on each of its
    /// entities' pages would cost its entities times its mentions (a list of 10,000 names: 10⁸).
    private let mentionsByArticle: [MentionGroups]
    /// Each article's related articles, scored once for all on every core: empty when pages are made on demand.
    private let relatedLists: [[Int]]
    /// Each entity's reference from a page two folders deep, by registry index, its count to be filled in: the
    /// entities of every article page and timeline entry, made once instead of each time with its address.
    private let entityReferencesAtDepthTwo: [EntityReferenceText]
    /// The position in `site.registry.kinds` of each entity's kind, by registry index.
    private let kindPositions: [Int]
    /// The articles by year and month, for the timeline's pages: empty when pages are made on demand.
    private let timelineGroups: [TimelineYear]
    /// The entries of every page's main navigation.
    private let navigation: [NavigationEntry]
    /// `navigation` as seen from each depth, with no entry current and then each in turn: see `navigationLists(_:)`.
    private let navigationLists: [[TemplateValue]]

    /// `everyPage`: whether every page will be rendered (`dossier build`), so that what many pages share is
    /// worth making once, up front. `dossier serve` renders the few pages a reader opens, and skips it.
    init(site: Site, everyPage: Bool = true) {
        self.site = site
        let mentioned = site.mentionedEntities
        self.mentionedByKind = Dictionary(grouping: mentioned, by: \.kind)
        self.mappedTowns = mentioned.filter { $0.kind.id == "towns" && $0.coordinates != nil }
        let counts = site.entityFacts.mapValues(\.mentionCount)
        self.mappedTownsByMentions = mappedTowns.sorted {
            (counts[$1.id] ?? 0, $0.name) < (counts[$0.id] ?? 0, $1.name)
        }
        self.mappedTownPlaces = mappedTownsByMentions.map { ($0.id, $0.coordinates!) }
        if everyPage {
            self.referencesAtDepthTwo = site.articles.parallelMap { Self.reference(to: $0, prefix: "../../") }
            self.referencesAtDepthFour = site.articles.parallelMap { Self.reference(to: $0, prefix: "../../../../") }
            self.mentionsByArticle = site.articles.parallelMap(MentionGroups.init)
            self.relatedLists = SiteModeler.relatedLists(in: site.relatedIndex)
            let twoDeep = SiteURL("articles/any/")
            self.entityReferencesAtDepthTwo = site.registry.entities.map {
                EntityReferenceText($0, url: $0.url.relative(from: twoDeep))
            }
            self.timelineGroups = Self.timelineYears(of: site.articles)
        } else {
            (self.referencesAtDepthTwo, self.referencesAtDepthFour) = ([], [])
            (self.mentionsByArticle, self.relatedLists) = ([], [])
            self.entityReferencesAtDepthTwo = []
            self.timelineGroups = []
        }
        let kinds = site.registry.kinds
        self.kindPositions = site.registry.entities.map { entity in kinds.firstIndex(of: entity.kind) ?? -1 }
        let byKind = mentionedByKind
        let listed = kinds.filter { byKind[$0]?.isEmpty == false }
        let entries = Self.navigation(kinds: listed, hasMap: !mappedTowns.isEmpty)
        self.navigation = entries
        self.navigationLists = Self.navigationLists(entries)
    }

    // MARK: - Shared shapes

    /// An entry of the main navigation, on every page's header.
    private struct NavigationEntry: Sendable {
        var label: String
        var url: SiteURL
        /// Whether the entry is the page's section (any page under it) rather than the page itself.
        var isSection: Bool

        func isCurrent(on page: SiteURL) -> Bool { isSection ? page.path.hasPrefix(url.path) : page == url }

        func view(href: TemplateValue, current: Bool) -> TemplateValue {
            ["label": .text(label), "url": href, "current": .bool(current)]
        }
    }

    /// The main navigation: the front page, each kind with a mentioned entity, the timeline and the map.
    private static func navigation(kinds: [EntityKind], hasMap: Bool) -> [NavigationEntry] {
        var entries = [NavigationEntry(label: "Accueil", url: .root, isSection: false)]
        entries += kinds.map { NavigationEntry(label: $0.label, url: $0.url, isSection: true) }
        entries.append(NavigationEntry(label: "Chronologie", url: SiteURL("timeline/"), isSection: false))
        if hasMap { entries.append(NavigationEntry(label: "Carte", url: SiteURL("map/"), isSection: false)) }
        return entries
    }

    /// Pages up to this many folders deep take their navigation ready-made.
    private static let navigationDepths = 5

    /// The navigation as each page at a depth shows it, with no entry current or one: made once, not per page. The
    /// list for depth `d` with entry `c` current (-1 for none) is at `d * (entries.count + 1) + c + 1`.
    private static func navigationLists(_ entries: [NavigationEntry]) -> [[TemplateValue]] {
        (0..<navigationDepths).flatMap { depth in
            let prefix = String(repeating: "../", count: depth)
            let hrefs = entries.map { entry -> TemplateValue in
                let text = prefix + entry.url.path
                return .text(text.isEmpty ? "./" : text)
            }
            return (-1..<entries.count).map { current in
                entries.indices.map { entries[$0].view(href: hrefs[$0], current: $0 == current) }
            }
        }
    }

    /// `absoluteBase`: write links as absolute addresses under it (for the 404 page) instead of relative ones.
    func common(page: SiteURL, title: String, description: String? = nil, absoluteBase: String? = nil) -> TemplateFields
    {
        func href(_ url: SiteURL) -> TemplateValue {
            .text(absoluteBase.map { url.absolute(base: $0) } ?? url.relative(from: page))
        }
        var pageInfo: TemplateFields = [
            "title": .text(title), "description": .text(description ?? site.config.description),
        ]
        if let base = site.config.baseURL { pageInfo["canonical"] = .text(page.absolute(base: base)) }
        let nav: [TemplateValue]
        // A page is in one section at most; were it in two (a kind's address under another's), it builds its own.
        let current = navigation.firstIndex { $0.isCurrent(on: page) }
        if absoluteBase == nil, page.depth < Self.navigationDepths,
            current == nil || !navigation[(current! + 1)...].contains(where: { $0.isCurrent(on: page) })
        {
            nav = navigationLists[page.depth * (navigation.count + 1) + (current ?? -1) + 1]
        } else {
            nav = navigation.map { $0.view(href: href($0.url), current: $0.isCurrent(on: page)) }
        }
        return [
            "lang": .text(site.config.language), "root": .text(absoluteBase ?? page.rootPrefix), "generator": "dossier",
            "site": ["title": .text(site.config.title), "description": .text(site.config.description)],
            "page": .object(pageInfo), "nav": .list(nav),
        ]
    }

    // References are built as template values directly: they fill every list of every page.

    func articleReference(_ index: Int, from page: SiteURL) -> TemplateValue {
        let depth = page.depth
        if depth == 2, !referencesAtDepthTwo.isEmpty { return referencesAtDepthTwo[index] }
        if depth == 4, !referencesAtDepthFour.isEmpty { return referencesAtDepthFour[index] }
        return Self.reference(to: site.articles[index], prefix: page.rootPrefix)
    }

    private static func reference(to linked: LinkedArticle, prefix: String) -> TemplateValue {
        let article = linked.article
        let url = prefix + article.url.path
        var view: TemplateFields = [
            "title": .text(article.title), "url": .text(url.isEmpty ? "./" : url), "excerpt": .text(linked.excerpt),
        ]
        if let date = article.date {
            view["date"] = .text(date.french)
            view["datetime"] = .text(date.iso)
        }
        if let source = article.source { view["source"] = .text(source) }
        return .object(view)
    }

    func entityReference(_ entity: Entity, count: Int, from page: SiteURL) -> TemplateValue {
        .object(Self.entityFields(EntityReferenceText(entity, url: entity.url.relative(from: page)), count: count))
    }

    /// The reference of the entity at this registry index: from a page two folders deep, made of the text made up
    /// front, with its count.
    func entityReference(at index: Int, count: Int, from page: SiteURL) -> TemplateValue {
        guard page.depth == 2, !entityReferencesAtDepthTwo.isEmpty else {
            return entityReference(site.registry.entities[index], count: count, from: page)
        }
        return .object(Self.entityFields(entityReferencesAtDepthTwo[index], count: count))
    }

    /// What an entity's reference shows but its count, its address included.
    private struct EntityReferenceText: Sendable {
        var id, name, url, kind, kindLabel: String
        var summary: String?

        init(_ entity: Entity, url: String) {
            (id, name, self.url, kind, kindLabel) = (entity.id, entity.name, url, entity.kind.id, entity.kind.singular)
            summary = entity.summary
        }
    }

    /// Written as one literal or the other: a field added to a literal's array would copy it into a larger one.
    private static func entityFields(_ text: EntityReferenceText, count: Int) -> TemplateFields {
        guard let summary = text.summary else {
            return [
                "id": .text(text.id), "name": .text(text.name), "url": .text(text.url), "kind": .text(text.kind),
                "kind_label": .text(text.kindLabel), "count": .int(count),
            ]
        }
        return [
            "id": .text(text.id), "name": .text(text.name), "url": .text(text.url), "kind": .text(text.kind),
            "kind_label": .text(text.kindLabel), "count": .int(count), "summary": .text(summary),
        ]
    }

    func mentions(of entity: Entity) -> Int { site.entityFacts[entity.id]?.mentionCount ?? 0 }

    /// Entities of a kind mentioned at least once, in French order.
    func entities(of kind: EntityKind) -> [Entity] {
        mentionedByKind[kind] ?? []
    }

    func townPoints(from page: SiteURL) -> [MapRenderer.Point] {
        mappedTowns.map { townPoint($0, from: page) }
    }

    private func townPoint(_ town: Entity, from page: SiteURL) -> MapRenderer.Point {
        MapRenderer.Point(
            name: town.name, href: town.url.relative(from: page), coordinates: town.coordinates!,
            mentions: mentions(of: town))
    }

    /// Towns drawn around a town on its page, besides itself.
    static let mapNeighbours = 24

    // MARK: - Pages

    func index() -> TemplateValue {
        let page = SiteURL.root
        var context = common(page: page, title: site.config.title)
        let dated = site.articles.compactMap(\.article.date)
        var figures: [TemplateValue] = [["value": .int(site.articles.count), "label": "articles"]]
        for kind in site.registry.kinds where !entities(of: kind).isEmpty {
            figures.append(["value": .int(entities(of: kind).count), "label": .text(kind.label.lowercased())])
        }
        if let first = dated.min(), let last = dated.max() {
            let years = first.year == last.year ? String(first.year) : "\(first.year)–\(last.year)"
            let span = first == last ? first.french : "\(first.french) – \(last.french)"
            figures.append(["value": .text(years), "label": "période couverte : \(span)"])
        }
        context["figures"] = .list(figures)
        context["latest"] = .list(site.articles.indices.reversed().prefix(10).map { articleReference($0, from: page) })
        context["kinds"] = .list(
            site.registry.kinds.compactMap { kind -> TemplateValue? in
                let members = entities(of: kind)
                guard !members.isEmpty else { return nil }
                // Positions are sorted, not the entities: sorting entities copied them (their strings retained)
                // at every move, and looked their counts up in a dictionary at every comparison.
                let counts = members.map { mentions(of: $0) }
                let top = members.indices.sorted {
                    (counts[$1], members[$0].name) < (counts[$0], members[$1].name)
                }.prefix(8)
                return [
                    "name": .text(kind.label), "url": .text(kind.url.relative(from: page)),
                    "count": .int(members.count),
                    "top": .list(top.map { entityReference(members[$0], count: counts[$0], from: page) }),
                ]
            })
        if let svg = MapRenderer().svg(
            townPoints(from: page), title: "Carte des villes citées", frames: [.inset, .narrowInset])
        {
            context["map"] = ["svg": .utf8(svg)]
        }
        return .object(context)
    }

    func article(_ index: Int) -> TemplateValue {
        let linked = site.articles[index]
        let article = linked.article
        let page = article.url
        var context = common(page: page, title: article.title, description: linked.excerpt)
        var view = articleReference(index, from: page)
        view["body"] = .utf8(linked.bodyHTML)
        view["file"] = .text(article.file.value)
        if let sourceHTML = linked.sourceHTML { view["source_html"] = .text(sourceHTML) }
        if let url = article.originalURL { view["original_url"] = .text(url) }
        view["authors"] = .list(article.authors.map(TemplateValue.text))
        context["article"] = view
        // The article's entities in registry order (kind, then name), counted when it was linked.
        let counts = linked.entityCounts
        context["mention_groups"] = .list(
            site.registry.kinds.indices.compactMap { position -> TemplateValue? in
                let members = counts.filter { kindPositions[$0.entity] == position }
                guard !members.isEmpty else { return nil }
                return [
                    "name": .text(site.registry.kinds[position].label),
                    "entities": .list(members.map { entityReference(at: $0.entity, count: $0.count, from: page) }),
                ]
            })
        let related = relatedLists.isEmpty ? site.related(to: index) : relatedLists[index]
        context["related"] = .list(related.map { articleReference($0, from: page) })
        if index > 0 { context["previous"] = articleReference(index - 1, from: page) }
        if index + 1 < site.articles.count { context["next"] = articleReference(index + 1, from: page) }
        return .object(context)
    }

    /// An article's mentions grouped by entity, each group in reading order, found by the entity's registry index.
    /// Laid out from the article's counts per entity (already in registry order): no dictionary, no sort. A
    /// `Mention` is numbers only (20 bytes), so copies of them cost no reference count.
    struct MentionGroups: Sendable {
        private let counts: [EntityCount]
        /// Where each entity's group starts in `mentions`; one more entry for the end.
        private let starts: [Int]
        private let mentions: [Mention]

        init(_ linked: LinkedArticle) {
            counts = linked.entityCounts
            var starts = [0]
            for count in counts { starts.append(starts[starts.count - 1] + count.count) }
            var next = starts
            // Every slot is filled: the counts are a tally of these very mentions.
            let unfilled = Mention(entityIndex: 0, sentence: 0, range: 0..<0, linked: false)
            var mentions = Array(repeating: unfilled, count: starts[starts.count - 1])
            for mention in linked.mentions {
                guard let group = Self.group(of: mention.entityIndex, in: counts) else { continue }
                mentions[next[group]] = mention
                next[group] += 1
            }
            self.starts = starts
            self.mentions = mentions
        }

        /// One entity's mentions, in reading order; none when the article does not mention it.
        func mentions(of entity: Int) -> ArraySlice<Mention> {
            guard let group = Self.group(of: entity, in: counts) else { return [] }
            return mentions[starts[group]..<starts[group + 1]]
        }

        private static func group(of entity: Int, in counts: [EntityCount]) -> Int? {
            var low = 0
            var high = counts.count
            while low < high {
                let middle = (low + high) / 2
                if counts[middle].entity < entity { low = middle + 1 } else { high = middle }
            }
            return low < counts.count && counts[low].entity == entity ? low : nil
        }
    }

    /// Articles listed per entity page: a town named in thousands of articles gets several readable pages.
    static let appearancesPerPage = 50
    /// Sentences shown per article on an entity page; the rest are counted.
    static let sentencesPerAppearance = 3

    /// How many pages the entity's articles fill.
    func pageCount(of entity: Entity) -> Int {
        let articles = site.entityFacts[entity.id]?.articles.count ?? 0
        return max(1, (articles + Self.appearancesPerPage - 1) / Self.appearancesPerPage)
    }

    /// The address of page `number` of an entity: `towns/boukamal/`, then `towns/boukamal/page/2/`.
    static func url(of entity: Entity, page number: Int) -> SiteURL {
        number <= 1 ? entity.url : SiteURL(entity.url.path + "page/\(number)/")
    }

    func entity(_ entity: Entity, page number: Int = 1) -> TemplateValue {
        let page = Self.url(of: entity, page: number)
        let facts = site.entityFacts[entity.id] ?? EntityFacts()
        let pages = pageCount(of: entity)
        let title = pages > 1 && number > 1 ? "\(entity.name) — page \(number) sur \(pages)" : entity.name
        var context = common(page: page, title: title, description: entity.summary)
        var view: TemplateFields = [
            "name": .text(entity.name), "kind": .text(entity.kind.id), "kind_label": .text(entity.kind.singular),
            "kind_name": .text(entity.kind.label), "kind_url": .text(entity.kind.url.relative(from: page)),
            "aliases": .list(entity.aliases.map(TemplateValue.text)),
            "mention_count": .int(facts.mentionCount), "article_count": .int(facts.articles.count),
        ]
        if let summary = entity.summary { view["summary"] = .text(summary) }
        if let coordinates = entity.coordinates {
            view["coordinates"] = [
                "latitude": "\(coordinates.latitude)", "longitude": "\(coordinates.longitude)",
                "display": .text(coordinates.french),
            ]
        }
        if let affiliation = entity.affiliation.flatMap({ site.registry[$0] }) {
            var reference = entityReference(affiliation, count: mentions(of: affiliation), from: page)
            if mentions(of: affiliation) == 0 { reference["url"] = nil }  // no page to link to
            view["affiliation"] = reference
        }
        if let first = facts.articles.first { view["first"] = articleReference(first, from: page) }
        if let last = facts.articles.last { view["last"] = articleReference(last, from: page) }
        context["entity"] = .object(view)
        let first = (number - 1) * Self.appearancesPerPage
        let shown = facts.articles.dropFirst(first).prefix(Self.appearancesPerPage)
        // Reused from one appearance to the next: an entity page quotes up to 150 sentences.
        var seen: [Int] = []
        var ranges: [Range<Int>] = []
        let registryIndex = site.registry.index(of: entity.id) ?? -1
        context["appearances"] = .list(
            shown.map { index -> TemplateValue in
                let linked = site.articles[index]
                let own =
                    mentionsByArticle.isEmpty
                    ? linked.mentions.filter { $0.entityIndex == registryIndex }[...]
                    : mentionsByArticle[index].mentions(of: registryIndex)
                var sentences: [TemplateValue] = []
                sentences.reserveCapacity(Self.sentencesPerAppearance)
                seen.removeAll(keepingCapacity: true)
                // Mentions come in reading order, so their sentence numbers never go back: a new one is a new sentence.
                for mention in own where seen.last != mention.sentence {
                    seen.append(mention.sentence)
                    guard sentences.count < Self.sentencesPerAppearance else { continue }
                    ranges.removeAll(keepingCapacity: true)
                    for other in own where other.sentence == mention.sentence { ranges.append(other.range) }
                    let html = linked.sentences.withUTF8(mention.sentence) { Self.highlight($0, ranges: ranges) }
                    sentences.append(["html": .utf8(html)])
                }
                var view: TemplateFields = [
                    "article": articleReference(index, from: page), "count": .int(own.count),
                    "sentences": .list(sentences),
                ]
                let hidden = seen.count - sentences.count
                if hidden > 0 {
                    view["more_sentences"] = .text(hidden == 1 ? "1 autre phrase" : "\(hidden) autres phrases")
                }
                return .object(view)
            })
        context["appearances_start"] = .int(first + 1)
        if pages > 1 { context["pagination"] = pagination(of: entity, page: number, count: pages, from: page) }
        context["companions"] = .list(
            facts.companions.compactMap { companion -> TemplateValue? in
                site.registry[companion.id].map { entityReference($0, count: companion.count, from: page) }
            })
        context["members"] = .list(
            facts.members.compactMap { site.registry[$0] }.filter { mentions(of: $0) > 0 }
                .map { entityReference($0, count: mentions(of: $0), from: page) })
        // The map is on the town's first page; the pages that continue its list of articles link back to it.
        if entity.kind.id == "towns", number == 1, let coordinates = entity.coordinates {
            // The town and its most mentioned neighbours: enough to place it, few enough to be labelled.
            var points = [townPoint(entity, from: page)]
            points[0].isCurrent = true
            for (position, place) in mappedTownPlaces.enumerated() {
                guard points.count - 1 < Self.mapNeighbours else { break }  // the town itself is the first point
                if place.id != entity.id && abs(place.coordinates.latitude - coordinates.latitude) < 1.5
                    && abs(place.coordinates.longitude - coordinates.longitude) < 1.5
                {
                    points.append(townPoint(mappedTownsByMentions[position], from: page))
                }
            }
            if let svg = MapRenderer().svg(
                points, title: "\(entity.name) sur la carte", frames: [.inset, .narrowInset])
            {
                context["map"] = ["svg": .utf8(svg)]
            }
        }
        return .object(context)
    }

    /// Links to the other pages of an entity: the first, the last, and two on each side of this one.
    private func pagination(of entity: Entity, page number: Int, count: Int, from page: SiteURL) -> TemplateValue {
        func link(_ target: Int) -> TemplateValue { .text(Self.url(of: entity, page: target).relative(from: page)) }
        var items: [TemplateValue] = []
        var previousShown = 0
        for target in 1...count where target == 1 || target == count || abs(target - number) <= 2 {
            if target > previousShown + 1 { items.append(["gap": true]) }
            items.append(["number": .int(target), "url": link(target), "current": .bool(target == number)])
            previousShown = target
        }
        var view: TemplateFields = ["current": .int(number), "count": .int(count), "pages": .list(items)]
        if number > 1 { view["previous"] = ["url": link(number - 1)] }
        if number < count { view["next"] = ["url": link(number + 1)] }
        return .object(view)
    }

    func kind(_ kind: EntityKind) -> TemplateValue {
        let page = kind.url
        let members = entities(of: kind)
        var context = common(page: page, title: kind.label)
        context["kind"] = ["name": .text(kind.label), "singular": .text(kind.singular), "count": .int(members.count)]
        var letters: [(letter: String, entities: [TemplateValue])] = []
        for entity in members.sorted(by: { FrenchCollation.areInOrder($0.name, $1.name) }) {
            let letter = FrenchCollation.initial(entity.name)
            let reference = entityReference(entity, count: mentions(of: entity), from: page)
            if letters.last?.letter == letter {
                letters[letters.count - 1].entities.append(reference)
            } else {
                letters.append((letter, [reference]))
            }
        }
        context["letters"] = .list(
            letters.map {
                [
                    "letter": .text($0.letter),
                    "anchor": $0.letter == "#" ? "lettre-autres" : "lettre-\($0.letter.lowercased())",
                    "entities": .list($0.entities),
                ]
            })
        return .object(context)
    }

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
    private struct TimelineYear: Sendable {
        var key: String
        var label: String
        var months: [TimelineMonth]
    }

    private struct TimelineMonth: Sendable {
        var id: String
        var label: String
        var articles: Range<Int>
    }

    /// One pass over the articles, comparing numbers: the keys and labels are made once per month, not once
    /// per article and year page.
    private static func timelineYears(of articles: [LinkedArticle]) -> [TimelineYear] {
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
    private var timelineYears: [TimelineYear] {
        timelineGroups.isEmpty ? Self.timelineYears(of: site.articles) : timelineGroups
    }

    /// `timeline/`: every article by year and month; or, for a big dossier, the years and months with links
    /// to one page per year (`year` set).
    func timeline(year selected: String? = nil) -> TemplateValue {
        let page = selected.map { SiteURL("timeline/\($0)/") } ?? SiteURL("timeline/")
        let overview = timelineIsSplit && selected == nil
        var context = common(
            page: page, title: selected.map { "Chronologie : \($0 == "sans-date" ? "sans date" : $0)" } ?? "Chronologie"
        )
        if selected != nil { context["overview"] = ["url": .text(SiteURL("timeline/").relative(from: page))] }
        let all = timelineYears
        let years = selected.map { key in all.filter { $0.key == key } } ?? all
        context["years"] = .list(
            years.map { year in
                let yearURL = SiteURL("timeline/\(year.key)/")
                var view: TemplateFields = [
                    "year": .text(year.label), "count": .int(year.months.reduce(0) { $0 + $1.articles.count }),
                    "months": .list(
                        year.months.map { month -> TemplateValue in
                            var view: TemplateFields = [
                                "id": "mois-\(month.id)", "label": .text(month.label),
                                "count": .int(month.articles.count),
                            ]
                            if overview {
                                view["url"] = .text(yearURL.relative(from: page) + "#mois-\(month.id)")
                                view["articles"] = []
                            } else {
                                view["articles"] = .list(month.articles.map { timelineEntry($0, from: page) })
                            }
                            return .object(view)
                        }),
                ]
                if overview { view["url"] = .text(yearURL.relative(from: page)) }
                return .object(view)
            })
        return .object(context)
    }

    private func timelineEntry(_ index: Int, from page: SiteURL) -> TemplateValue {
        var reference = articleReference(index, from: page)
        // Most mentioned first, then in registry order (the order the counts come in).
        let counts = site.articles[index].entityCounts.enumerated()
            .sorted { ($1.element.count, $0.offset) < ($0.element.count, $1.offset) }
            .prefix(Self.timelineTags).map(\.element)
        reference["entities"] = .list(counts.map { entityReference(at: $0.entity, count: $0.count, from: page) })
        return reference
    }

    func map() -> TemplateValue? {
        let page = SiteURL("map/")
        let points = townPoints(from: page)
        guard let svg = MapRenderer().svg(points, title: "Carte des villes citées") else { return nil }
        var context = common(page: page, title: "Carte")
        context["map"] = ["svg": .utf8(svg)]
        context["towns"] = .list(
            mappedTowns
                .sorted { FrenchCollation.areInOrder($0.name, $1.name) }
                .map { entity -> TemplateValue in
                    var reference = entityReference(entity, count: mentions(of: entity), from: page)
                    reference["latitude"] = .text("\(entity.coordinates!.latitude)")
                    reference["longitude"] = .text("\(entity.coordinates!.longitude)")
                    reference["display"] = .text(entity.coordinates!.french)
                    return reference
                })
        return .object(context)
    }

    func notFound() -> TemplateValue {
        // The 404 page is served at any depth: absolute links when we know the site's address.
        .object(common(page: .root, title: "Page introuvable", absoluteBase: site.config.baseURL))
    }
}
