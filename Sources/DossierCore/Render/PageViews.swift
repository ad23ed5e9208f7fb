/// Builds the context of each template, exactly as `Templates/README.md` documents it, laid flat as the renderer
/// reads it (`PageContext`): texts are copied into the page's buffer, and no tree of values is made or freed.
struct PageViews {
    let site: Site
    /// Per kind, the entities mentioned at least once, in French order: computed once, used by every page.
    private let mentionedByKind: [EntityKind: [Entity]]
    /// The mentioned towns that have coordinates.
    private let mappedTowns: [Entity]
    /// The same, most mentioned first (then by name): the order a town's map picks its neighbours in.
    let mappedTownsByMentions: [Entity]
    /// Their ids and coordinates, in that order: a town's map looks through every town for its neighbours, and
    /// read from the entities, each town looked at was copied whole (its name, aliases and summary retained).
    let mappedTownPlaces: [(id: String, coordinates: Coordinates)]

    /// Whether the site has a map page: some mentioned town has coordinates.
    var hasMap: Bool { !mappedTowns.isEmpty }
    /// What each article's reference shows, made once, not for every list that shows the article: as UTF-8 bytes
    /// end to end, and where each article's are. Read as plain numbers and bytes, where each string read from an
    /// article, or copied out of an array, was retained. Empty when pages are made on demand.
    private let referenceBytes: [UInt8]
    private let referenceTexts: [ArticleTexts]
    /// Each article's mentions by entity, grouped once: filtering an article's mentions on each of its
    /// entities' pages would cost its entities times its mentions (a list of 10,000 names: 10⁸).
    let mentionsByArticle: [MentionGroups]
    /// Each article's related articles, scored once for all on every core: empty when pages are made on demand.
    private let relatedLists: [[Int]]
    /// Each entity's address from a page two folders deep (`articles/x/`), by registry index: where the entities
    /// of every article page and timeline entry are listed. Empty when pages are made on demand.
    private let entityURLsAtDepthTwo: [String]
    /// The position in `site.registry.kinds` of each entity's kind, by registry index.
    private let kindPositions: [Int]
    /// The articles by year and month, for the timeline's pages: empty when pages are made on demand.
    let timelineGroups: [TimelineYear]
    /// The entries of every page's main navigation.
    private let navigation: [NavigationEntry]
    /// Each entry's address as seen from each depth: see `setCommon`.
    private let navigationHrefs: [[String]]

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
            var bytes: [UInt8] = []
            self.referenceTexts = site.articles.map { ArticleTexts($0, into: &bytes) }
            self.referenceBytes = bytes
            self.mentionsByArticle = site.articles.parallelMap(MentionGroups.init)
            self.relatedLists = SiteModeler.relatedLists(in: site.relatedIndex)
            let twoDeep = SiteURL("articles/any/")
            self.entityURLsAtDepthTwo = site.registry.entities.map { $0.url.relative(from: twoDeep) }
            self.timelineGroups = Self.timelineYears(of: site.articles)
        } else {
            (self.referenceBytes, self.referenceTexts) = ([], [])
            (self.mentionsByArticle, self.relatedLists) = ([], [])
            self.entityURLsAtDepthTwo = []
            self.timelineGroups = []
        }
        let kinds = site.registry.kinds
        self.kindPositions = site.registry.entities.map { entity in kinds.firstIndex(of: entity.kind) ?? -1 }
        let byKind = mentionedByKind
        let listed = kinds.filter { byKind[$0]?.isEmpty == false }
        let entries = Self.navigation(kinds: listed, hasMap: !mappedTowns.isEmpty)
        self.navigation = entries
        self.navigationHrefs = (0..<Self.navigationDepths).map { depth in
            let prefix = String(repeating: "../", count: depth)
            return entries.map { entry in
                let text = prefix + entry.url.path
                return text.isEmpty ? "./" : text
            }
        }
    }

    // MARK: - Shared shapes

    /// An entry of the main navigation, on every page's header.
    private struct NavigationEntry: Sendable {
        var label: String
        var url: SiteURL
        /// Whether the entry is the page's section (any page under it) rather than the page itself.
        var isSection: Bool

        func isCurrent(on page: SiteURL) -> Bool { isSection ? page.path.hasPrefix(url.path) : page == url }
    }

    /// The main navigation: the front page, each kind with a mentioned entity, the timeline and the map.
    private static func navigation(kinds: [EntityKind], hasMap: Bool) -> [NavigationEntry] {
        var entries = [NavigationEntry(label: "Accueil", url: .root, isSection: false)]
        entries += kinds.map { NavigationEntry(label: $0.label, url: $0.url, isSection: true) }
        entries.append(NavigationEntry(label: "Chronologie", url: SiteURL("timeline/"), isSection: false))
        if hasMap { entries.append(NavigationEntry(label: "Carte", url: SiteURL("map/"), isSection: false)) }
        return entries
    }

    /// Pages up to this many folders deep take their navigation's addresses ready-made.
    private static let navigationDepths = 5

    /// Sets the fields every page has (`lang`, `root`, `site`, `page`, `nav`, `generator`) on the page being built.
    /// `absoluteBase`: write links as absolute addresses under it (for the 404 page) instead of relative ones.
    func setCommon(
        _ context: inout PageContext, page: SiteURL, title: String, description: String? = nil,
        absoluteBase: String? = nil
    ) {
        context.set("lang", text: site.config.language)
        context.set("root", text: absoluteBase ?? page.rootPrefix)
        context.set("generator", text: "dossier")
        context.set(
            "site",
            context.object {
                $0.set("title", text: site.config.title)
                $0.set("description", text: site.config.description)
            })
        context.set(
            "page",
            context.object {
                $0.set("title", text: title)
                $0.set("description", text: description ?? site.config.description)
                if let base = site.config.baseURL { $0.set("canonical", text: page.absolute(base: base)) }
            })
        // A page is in one section at most; were it in two (a kind's address under another's), each entry is
        // asked whether it is current, and its address is made for this page.
        let current = navigation.firstIndex { $0.isCurrent(on: page) }
        let readyMade =
            absoluteBase == nil && page.depth < Self.navigationDepths
            && (current == nil || !navigation[(current! + 1)...].contains(where: { $0.isCurrent(on: page) }))
        context.set(
            "nav",
            context.list { context in
                for (index, entry) in navigation.enumerated() {
                    let href =
                        readyMade
                        ? navigationHrefs[page.depth][index]
                        : absoluteBase.map { entry.url.absolute(base: $0) } ?? entry.url.relative(from: page)
                    let isCurrent = readyMade ? index == current : entry.isCurrent(on: page)
                    context.item(
                        context.object {
                            $0.set("label", text: entry.label)
                            $0.set("url", text: href)
                            $0.set("current", bool: isCurrent)
                        })
                }
            })
    }

    /// An article reference (`{title, url, excerpt, date?, datetime?, source?}`), seen from a page whose way to
    /// the root is `prefix`.
    func articleReference(_ index: Int, prefix: String, in context: inout PageContext) -> Int32 {
        context.object { setArticleReference(index, prefix: prefix, in: &$0) }
    }

    /// Where the texts of an article's reference are, in a buffer of bytes; an absent one is empty at 0 with
    /// `has…` false.
    private struct ArticleTexts: Sendable {
        var title, path, excerpt, source, date, datetime: Range<Int32>
        var hasSource, isDated: Bool

        /// Appends the texts of the article's reference to `bytes`.
        init(_ linked: LinkedArticle, into bytes: inout [UInt8]) {
            func append(_ text: String?) -> Range<Int32> {
                let start = Int32(bytes.count)
                if let text { bytes += text.utf8 }
                return start..<Int32(bytes.count)
            }
            let article = linked.article
            (title, path, excerpt) = (append(article.title), append(article.url.path), append(linked.excerpt))
            (source, hasSource) = (append(article.source), article.source != nil)
            (date, datetime, isDated) = (append(article.date?.french), append(article.date?.iso), article.date != nil)
        }
    }

    /// Sets the fields of an article reference on the object being built.
    func setArticleReference(_ index: Int, prefix: String, in context: inout PageContext) {
        guard !referenceTexts.isEmpty else {
            var bytes: [UInt8] = []
            let texts = ArticleTexts(site.articles[index], into: &bytes)
            bytes.withUnsafeBufferPointer { Self.setArticleReference(texts, $0, prefix: prefix, in: &context) }
            return
        }
        let texts = referenceTexts[index]
        referenceBytes.withUnsafeBufferPointer { Self.setArticleReference(texts, $0, prefix: prefix, in: &context) }
    }

    private static func setArticleReference(
        _ texts: ArticleTexts, _ bytes: UnsafeBufferPointer<UInt8>, prefix: String, in context: inout PageContext
    ) {
        func text(_ range: Range<Int32>) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: bytes[Int(range.lowerBound)..<Int(range.upperBound)])
        }
        context.set("title", context.utf8(text(texts.title)))
        context.set(
            "url", prefix.isEmpty && texts.path.isEmpty ? context.text("./") : context.text(prefix, text(texts.path)))
        context.set("excerpt", context.utf8(text(texts.excerpt)))
        if texts.isDated {
            context.set("date", context.utf8(text(texts.date)))
            context.set("datetime", context.utf8(text(texts.datetime)))
        }
        if texts.hasSource { context.set("source", context.utf8(text(texts.source))) }
    }

    /// An entity reference (`{id, name, url, kind, kind_label, count, summary?}`) seen from `page`; without `url`
    /// when `linked` is false (an entity no article mentions has no page).
    func entityReference(
        _ entity: Entity, count: Int, from page: SiteURL, linked: Bool = true, in context: inout PageContext
    ) -> Int32 {
        context.object {
            setEntityReference(entity, url: linked ? entity.url.relative(from: page) : nil, count: count, in: &$0)
        }
    }

    /// The reference of the entity at this registry index, its address from a page two folders deep made up front.
    func entityReference(at index: Int, count: Int, from page: SiteURL, in context: inout PageContext) -> Int32 {
        // The entity is read where it is in the registry: copied out, its every string was retained.
        guard page.depth == 2, !entityURLsAtDepthTwo.isEmpty else {
            return entityReference(site.registry.entities[index], count: count, from: page, in: &context)
        }
        return context.object {
            setEntityReference(site.registry.entities[index], url: entityURLsAtDepthTwo[index], count: count, in: &$0)
        }
    }

    private func setEntityReference(_ entity: Entity, url: String?, count: Int, in context: inout PageContext) {
        context.set("id", text: entity.id)
        context.set("name", text: entity.name)
        if let url { context.set("url", text: url) }
        context.set("kind", text: entity.kind.id)
        context.set("kind_label", text: entity.kind.singular)
        context.set("count", int: count)
        if let summary = entity.summary { context.set("summary", text: summary) }
    }

    func mentions(of entity: Entity) -> Int { site.entityFacts[entity.id]?.mentionCount ?? 0 }

    /// Entities of a kind mentioned at least once, in French order.
    func entities(of kind: EntityKind) -> [Entity] {
        mentionedByKind[kind] ?? []
    }

    func townPoints(from page: SiteURL) -> [MapRenderer.Point] {
        mappedTowns.map { townPoint($0, from: page) }
    }

    func townPoint(_ town: Entity, from page: SiteURL) -> MapRenderer.Point {
        MapRenderer.Point(
            name: town.name, href: town.url.relative(from: page), coordinates: town.coordinates!,
            mentions: mentions(of: town))
    }

    /// Towns drawn around a town on its page, besides itself.
    static let mapNeighbours = 24

    // MARK: - Pages

    func index() -> PageContext {
        let page = SiteURL.root
        return PageContext { context in
            setCommon(&context, page: page, title: site.config.title)
            let dated = site.articles.compactMap(\.article.date)
            context.set(
                "figures",
                context.list { context in
                    func figure(_ value: (inout PageContext) -> Int32, _ label: String) {
                        context.item(
                            context.object {
                                $0.set("value", value(&$0))
                                $0.set("label", text: label)
                            })
                    }
                    figure({ $0.int(site.articles.count) }, "articles")
                    for kind in site.registry.kinds where !entities(of: kind).isEmpty {
                        figure({ $0.int(entities(of: kind).count) }, kind.label.lowercased())
                    }
                    if let first = dated.min(), let last = dated.max() {
                        let years = first.year == last.year ? String(first.year) : "\(first.year)–\(last.year)"
                        let span = first == last ? first.french : "\(first.french) – \(last.french)"
                        figure({ $0.text(years) }, "période couverte : \(span)")
                    }
                })
            context.set(
                "latest",
                context.list { context in
                    for index in site.articles.indices.reversed().prefix(10) {
                        context.item(articleReference(index, prefix: "", in: &context))
                    }
                })
            context.set(
                "kinds",
                context.list { context in
                    for kind in site.registry.kinds {
                        let members = entities(of: kind)
                        guard !members.isEmpty else { continue }
                        // Positions are sorted, not the entities: sorting entities copied them (their strings
                        // retained) at every move, and looked their counts up in a dictionary at every comparison.
                        let counts = members.map { mentions(of: $0) }
                        let top = members.indices.sorted {
                            (counts[$1], members[$0].name) < (counts[$0], members[$1].name)
                        }.prefix(8)
                        context.item(
                            context.object { context in
                                context.set("name", text: kind.label)
                                context.set("url", text: kind.url.relative(from: page))
                                context.set("count", int: members.count)
                                context.set(
                                    "top",
                                    context.list { context in
                                        for position in top {
                                            context.item(
                                                entityReference(
                                                    members[position], count: counts[position], from: page,
                                                    in: &context))
                                        }
                                    })
                            })
                    }
                })
            if let svg = MapRenderer().svg(
                townPoints(from: page), title: "Carte des villes citées", frames: [.inset, .narrowInset])
            {
                context.set("map", context.object { $0.set("svg", $0.utf8(svg)) })
            }
        }
    }

    func article(_ index: Int) -> PageContext {
        let linked = site.articles[index]
        let article = linked.article
        let page = article.url
        let prefix = page.rootPrefix
        return PageContext { context in
            setCommon(&context, page: page, title: article.title, description: linked.excerpt)
            context.set(
                "article",
                context.object { context in
                    setArticleReference(index, prefix: prefix, in: &context)
                    context.set("body", context.utf8(linked.bodyHTML))
                    context.set("file", text: article.file.value)
                    if let sourceHTML = linked.sourceHTML { context.set("source_html", text: sourceHTML) }
                    if let url = article.originalURL { context.set("original_url", text: url) }
                    context.set(
                        "authors",
                        context.list { context in
                            for author in article.authors { context.item(context.text(author)) }
                        })
                })
            // The article's entities in registry order (kind, then name), counted when it was linked.
            let counts = linked.entityCounts
            context.set(
                "mention_groups",
                context.list { context in
                    for position in site.registry.kinds.indices {
                        guard counts.contains(where: { kindPositions[$0.entity] == position }) else { continue }
                        context.item(
                            context.object { context in
                                context.set("name", text: site.registry.kinds[position].label)
                                context.set(
                                    "entities",
                                    context.list { context in
                                        for count in counts where kindPositions[count.entity] == position {
                                            context.item(
                                                entityReference(
                                                    at: count.entity, count: count.count, from: page, in: &context))
                                        }
                                    })
                            })
                    }
                })
            let related = relatedLists.isEmpty ? site.related(to: index) : relatedLists[index]
            context.set(
                "related",
                context.list { context in
                    for other in related { context.item(articleReference(other, prefix: prefix, in: &context)) }
                })
            if index > 0 { context.set("previous", articleReference(index - 1, prefix: prefix, in: &context)) }
            if index + 1 < site.articles.count {
                context.set("next", articleReference(index + 1, prefix: prefix, in: &context))
            }
        }
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

    func kind(_ kind: EntityKind) -> PageContext {
        let page = kind.url
        let members = entities(of: kind)
        var letters: [(letter: String, entities: [Entity])] = []
        for entity in members.sorted(by: { FrenchCollation.areInOrder($0.name, $1.name) }) {
            let letter = FrenchCollation.initial(entity.name)
            if letters.last?.letter == letter {
                letters[letters.count - 1].entities.append(entity)
            } else {
                letters.append((letter, [entity]))
            }
        }
        return PageContext { context in
            setCommon(&context, page: page, title: kind.label)
            context.set(
                "kind",
                context.object {
                    $0.set("name", text: kind.label)
                    $0.set("singular", text: kind.singular)
                    $0.set("count", int: members.count)
                })
            context.set(
                "letters",
                context.list { context in
                    for group in letters {
                        context.item(
                            context.object { context in
                                context.set("letter", text: group.letter)
                                context.set(
                                    "anchor",
                                    text: group.letter == "#" ? "lettre-autres" : "lettre-\(group.letter.lowercased())")
                                context.set(
                                    "entities",
                                    context.list { context in
                                        for entity in group.entities {
                                            context.item(
                                                entityReference(
                                                    entity, count: mentions(of: entity), from: page, in: &context))
                                        }
                                    })
                            })
                    }
                })
        }
    }

    func map() -> PageContext? {
        let page = SiteURL("map/")
        let points = townPoints(from: page)
        guard let svg = MapRenderer().svg(points, title: "Carte des villes citées") else { return nil }
        return PageContext { context in
            setCommon(&context, page: page, title: "Carte")
            context.set("map", context.object { $0.set("svg", $0.utf8(svg)) })
            context.set(
                "towns",
                context.list { context in
                    for entity in mappedTowns.sorted(by: { FrenchCollation.areInOrder($0.name, $1.name) }) {
                        let coordinates = entity.coordinates!
                        context.item(
                            context.object { context in
                                setEntityReference(
                                    entity, url: entity.url.relative(from: page), count: mentions(of: entity),
                                    in: &context)
                                context.set("latitude", text: "\(coordinates.latitude)")
                                context.set("longitude", text: "\(coordinates.longitude)")
                                context.set("display", text: coordinates.french)
                            })
                    }
                })
        }
    }

    func notFound() -> PageContext {
        // The 404 page is served at any depth: absolute links when we know the site's address.
        PageContext { setCommon(&$0, page: .root, title: "Page introuvable", absoluteBase: site.config.baseURL) }
    }
}
