/// The pages of an entity: what every article said about it, fifty articles a page.
extension PageViews {
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

    func entity(_ entity: Entity, page number: Int = 1) -> PageContext {
        let page = Self.url(of: entity, page: number)
        let prefix = page.rootPrefix
        let facts = site.entityFacts[entity.id] ?? EntityFacts()
        let pages = pageCount(of: entity)
        let title = pages > 1 && number > 1 ? "\(entity.name) — page \(number) sur \(pages)" : entity.name
        return PageContext { context in
            setCommon(&context, page: page, title: title, description: entity.summary)
            context.set(
                "entity",
                context.object { context in
                    context.set("name", text: entity.name)
                    context.set("kind", text: entity.kind.id)
                    context.set("kind_label", text: entity.kind.singular)
                    context.set("kind_name", text: entity.kind.label)
                    context.set("kind_url", text: entity.kind.url.relative(from: page))
                    context.set(
                        "aliases",
                        context.list { context in
                            for alias in entity.aliases { context.item(context.text(alias)) }
                        })
                    context.set("mention_count", int: facts.mentionCount)
                    context.set("article_count", int: facts.articles.count)
                    if let summary = entity.summary { context.set("summary", text: summary) }
                    if let coordinates = entity.coordinates {
                        context.set(
                            "coordinates",
                            context.object {
                                $0.set("latitude", text: "\(coordinates.latitude)")
                                $0.set("longitude", text: "\(coordinates.longitude)")
                                $0.set("display", text: coordinates.french)
                            })
                    }
                    if let affiliation = entity.affiliation.flatMap({ site.registry[$0] }) {
                        let count = mentions(of: affiliation)
                        // No page to link to when no article mentions it.
                        context.set(
                            "affiliation",
                            entityReference(affiliation, count: count, from: page, linked: count > 0, in: &context))
                    }
                    if let first = facts.articles.first {
                        context.set("first", articleReference(first, prefix: prefix, in: &context))
                    }
                    if let last = facts.articles.last {
                        context.set("last", articleReference(last, prefix: prefix, in: &context))
                    }
                })
            let first = (number - 1) * Self.appearancesPerPage
            let shown = facts.articles.dropFirst(first).prefix(Self.appearancesPerPage)
            // Reused from one appearance to the next: an entity page quotes up to 150 sentences.
            var seen: [Int] = []
            var ranges: [Range<Int>] = []
            let registryIndex = site.registry.index(of: entity.id) ?? -1
            context.set(
                "appearances",
                context.list { context in
                    for index in shown {
                        let linked = site.articles[index]
                        let own =
                            mentionsByArticle.isEmpty
                            ? linked.mentions.filter { $0.entityIndex == registryIndex }[...]
                            : mentionsByArticle[index].mentions(of: registryIndex)
                        seen.removeAll(keepingCapacity: true)
                        let sentences = context.list { context in
                            // Mentions come in reading order, so their sentence numbers never go back: a new one
                            // is a new sentence.
                            for mention in own where seen.last != mention.sentence {
                                seen.append(mention.sentence)
                                guard seen.count <= Self.sentencesPerAppearance else { continue }
                                ranges.removeAll(keepingCapacity: true)
                                for other in own where other.sentence == mention.sentence { ranges.append(other.range) }
                                let html = linked.sentences.withUTF8(mention.sentence) {
                                    Self.highlight($0, ranges: ranges)
                                }
                                context.item(context.object { $0.set("html", $0.utf8(html)) })
                            }
                        }
                        context.item(
                            context.object { context in
                                context.set("article", articleReference(index, prefix: prefix, in: &context))
                                context.set("count", int: own.count)
                                context.set("sentences", sentences)
                                let hidden = seen.count - min(seen.count, Self.sentencesPerAppearance)
                                if hidden > 0 {
                                    context.set(
                                        "more_sentences",
                                        text: hidden == 1 ? "1 autre phrase" : "\(hidden) autres phrases")
                                }
                            })
                    }
                })
            context.set("appearances_start", int: first + 1)
            if pages > 1 {
                context.set("pagination", pagination(of: entity, page: number, count: pages, from: page, in: &context))
            }
            context.set(
                "companions",
                context.list { context in
                    for companion in facts.companions {
                        guard let other = site.registry[companion.id] else { continue }
                        context.item(entityReference(other, count: companion.count, from: page, in: &context))
                    }
                })
            context.set(
                "members",
                context.list { context in
                    for member in facts.members.compactMap({ site.registry[$0] }) where mentions(of: member) > 0 {
                        context.item(entityReference(member, count: mentions(of: member), from: page, in: &context))
                    }
                })
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
                    context.set("map", context.object { $0.set("svg", $0.utf8(svg)) })
                }
            }
        }
    }

    /// Links to the other pages of an entity: the first, the last, and two on each side of this one.
    private func pagination(
        of entity: Entity, page number: Int, count: Int, from page: SiteURL, in context: inout PageContext
    ) -> Int32 {
        func link(_ target: Int) -> String { Self.url(of: entity, page: target).relative(from: page) }
        return context.object { context in
            context.set("current", int: number)
            context.set("count", int: count)
            context.set(
                "pages",
                context.list { context in
                    var previousShown = 0
                    for target in 1...count where target == 1 || target == count || abs(target - number) <= 2 {
                        if target > previousShown + 1 { context.item(context.object { $0.set("gap", bool: true) }) }
                        context.item(
                            context.object {
                                $0.set("number", int: target)
                                $0.set("url", text: link(target))
                                $0.set("current", bool: target == number)
                            })
                        previousShown = target
                    }
                })
            if number > 1 { context.set("previous", context.object { $0.set("url", text: link(number - 1)) }) }
            if number < count { context.set("next", context.object { $0.set("url", text: link(number + 1)) }) }
        }
    }
}
