#!/usr/bin/env python3
"""Writes a synthetic, deterministic corpus of French wire copy about Syria, three times:

  DIR/dossier/   a dossier folder: dossier.yml, entities.yml, articles/*.md (front matter title, date, source)
  DIR/hugo/      a Hugo site with the same article bodies; the entities each article mentions are listed in
                 its front matter as Hugo taxonomies (towns, groups, people), so entity pages are term pages
  DIR/wire/      the same dossier with each article as raw wire copy (articles/*.txt): no front matter and no
                 Markdown, a `date` header or a `Première publication` line, a credit line; no title (dossier
                 derives one), so only dossier can read it
  DIR/corpus.json  the parameters and figures of the corpus (read by bench/run.py)

Python 3.11 standard library only. The same arguments give byte-identical output.
"""

from __future__ import annotations

import argparse
import bisect
import hashlib
import json
import random
import re
import shutil
import sys
import unicodedata
from pathlib import Path

# Bumped whenever the output for given arguments changes, so run.py regenerates cached corpora.
GENERATOR_VERSION = 3

MARKER = "corpus.json"

# ---------------------------------------------------------------------------------------------------------------------
# Text helpers
# ---------------------------------------------------------------------------------------------------------------------

_LIGATURES = {"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"}


def fold(text: str) -> str:
    """Lowercase, no accents, as dossier's linker compares words."""
    text = "".join(_LIGATURES.get(c, c) for c in text)
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def words_of(text: str) -> list[str]:
    """The folded words of a text: letters and digits, split at everything else (apostrophes and hyphens too)."""
    return re.findall(r"[0-9a-z]+", fold(text))


def starts_with_vowel(text: str) -> bool:
    """French elides before a vowel (`l'EI`, `d'Alep`); an initial h is treated as aspirated (`de Homs`)."""
    first = fold(text[:1])
    return first in ("a", "e", "i", "o", "u")


def capitalize_first(text: str) -> str:
    for index, char in enumerate(text):
        if char.isalpha():
            return text[:index] + char.upper() + text[index + 1:]
    return text


def slugify(text: str, limit: int = 60) -> str:
    slug = "-".join(words_of(text))
    if len(slug) <= limit:
        return slug
    cut = slug[:limit]
    return cut[: cut.rfind("-")] if "-" in cut else cut


def yaml_string(text: str) -> str:
    """A double-quoted scalar: JSON's escapes are valid YAML (and TOML basic strings)."""
    return json.dumps(text, ensure_ascii=False)


# ---------------------------------------------------------------------------------------------------------------------
# A tiny template language for the French text
#
#   [a|b|c]       one of the alternatives (they nest)
#   {T} {dT} {aT} a town: `Alep`, `d'Alep` / `de Homs`, `à Alep`;            {T2} a second town, and so on
#   {G} {dG} {aG} an armed group with its article: `l'EI`, `de l'EI` / `du Hezbollah` / `des FDS`, `aux FDS`
#   {O} …         an organisation (NGO, UN agency, news agency), same forms
#   {A} …         a political authority (government, party), same forms
#   {P} {dP} {aP} a person: full name at first mention, then `M. Assad`, `Assad`…;   {rP} the person's role
#   <G:a|ont>     agreement with the slot's surface: singular|plural, or masc|fem|masc. plural|fem. plural
#   {n} {nn} {nb} {m} {pct} {jour} {nuit}   numbers, spelled numbers, weekdays
#   {quote}       a quotation from the pool of quotations
# ---------------------------------------------------------------------------------------------------------------------

class Alt:
    __slots__ = ("options",)

    def __init__(self, options):
        self.options = options


class Slot:
    __slots__ = ("form", "key", "letter")

    def __init__(self, form, letter, index):
        self.form = form
        self.letter = letter
        self.key = letter + (index or "")


class Agree:
    __slots__ = ("key", "forms")

    def __init__(self, key, forms):
        self.key = key
        self.forms = forms


class Token:
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name


_SLOT = re.compile(r"^([dar]?)([TGOAP])([0-9]?)$")
_AGREE = re.compile(r"^([TGOAP][0-9]?):(.*)$")
_TOKENS = {"n", "nn", "nb", "m", "pct", "jour", "nuit", "quote"}


class Template:
    """A parsed template and the slots it needs (letter -> how many distinct entities)."""

    __slots__ = ("nodes", "needs", "source")

    def __init__(self, source: str):
        self.source = source
        self.nodes, end = _parse_sequence(source, 0, nested=False)
        if end != len(source):
            raise ValueError(f"unbalanced template: {source}")
        needs: dict[str, int] = {}
        _collect_needs(self.nodes, needs)
        self.needs = needs


def _parse_sequence(text, index, nested):
    nodes, buffer = [], []

    def flush():
        if buffer:
            nodes.append("".join(buffer))
            buffer.clear()

    while index < len(text):
        char = text[index]
        if char == "[":
            flush()
            options = []
            index += 1
            while True:
                option, index = _parse_sequence(text, index, nested=True)
                options.append(option)
                if index >= len(text):
                    raise ValueError(f"unclosed [ in template: {text}")
                if text[index] == "|":
                    index += 1
                    continue
                index += 1  # the closing ]
                break
            nodes.append(Alt(options))
            continue
        if char in "|]":
            if not nested:
                raise ValueError(f"stray {char} in template: {text}")
            break
        if char == "{":
            end = text.index("}", index)
            inside = text[index + 1:end]
            match = _SLOT.match(inside)
            flush()
            if match:
                nodes.append(Slot(match.group(1), match.group(2), match.group(3)))
            elif inside in _TOKENS:
                nodes.append(Token(inside))
            else:
                raise ValueError(f"unknown slot {{{inside}}} in template: {text}")
            index = end + 1
            continue
        if char == "<":
            end = text.index(">", index)
            match = _AGREE.match(text[index + 1:end])
            if not match:
                raise ValueError(f"bad agreement in template: {text}")
            flush()
            forms = match.group(2).split("|")
            if len(forms) not in (2, 4):
                raise ValueError(f"agreement needs 2 or 4 forms: {text}")
            nodes.append(Agree(match.group(1), forms))
            index = end + 1
            continue
        buffer.append(char)
        index += 1
    flush()
    return nodes, index


def _collect_needs(nodes, needs):
    for node in nodes:
        if isinstance(node, Slot):
            count = int(node.key[1:] or "1")
            needs[node.letter] = max(needs.get(node.letter, 0), count)
        elif isinstance(node, Alt):
            for option in node.options:
                _collect_needs(option, needs)


def templates(block: str) -> list[Template]:
    return [Template(line.strip()) for line in block.strip().splitlines() if line.strip()]


# ---------------------------------------------------------------------------------------------------------------------
# The prose: leads, body sentences, titles, sub-headings, lists, quotations
# ---------------------------------------------------------------------------------------------------------------------

LEADS = templates("""
{G} <G:a|ont> [repris|reconquis|perdu] {jour} le contrôle [de la ville|du centre|de la localité] {dT}, [a annoncé|a rapporté|a affirmé] [une source militaire|une ONG syrienne|la télévision d'État|un responsable local].
Au moins {n} civils, dont {nb} enfants, ont été tués {jour} dans des [frappes aériennes|bombardements|tirs d'artillerie] sur {T} et ses environs, [selon|d'après] [des secouristes|des sources médicales|une ONG syrienne].
[De violents affrontements|Des combats acharnés] opposaient {jour} {G} aux forces gouvernementales aux abords {dT}, où [des milliers de|plusieurs centaines de] civils [sont pris au piège|tentent de fuir].
Une série d'explosions a secoué {jour} {T}, [faisant au moins {n} morts|tuant au moins {n} personnes], dans [une attaque|un attentat] [aussitôt revendiqué|rapidement attribué à|revendiqué dans la soirée] par {G}.
{G} <G:a|ont> lancé {jour} une offensive d'envergure [contre|en direction de] {T}, [au lendemain d'une série de revers|après plusieurs semaines d'accalmie|malgré les appels à la retenue].
Des milliers d'habitants {dT} ont fui {jour} leurs maisons face à l'avancée {dG}, [selon des organisations humanitaires|d'après des témoins|a constaté un correspondant de l'AFP].
{G} <G:a|ont> revendiqué {jour} [l'attentat|l'attaque] qui a [frappé|visé] {T} la veille, [faisant au moins {n} morts|tuant au moins {n} personnes].
La situation restait [tendue|confuse|explosive] {jour} {aT}, au [lendemain|surlendemain] de [violents combats|frappes meurtrières] entre {G} et les forces gouvernementales.
{T} est [tombée|passée] {jour} aux mains {dG}, [pour la première fois depuis le début du conflit en 2011|après des semaines de siège|au terme d'une bataille de plusieurs mois].
[Les forces prorégime|Les troupes loyalistes] ont pénétré {jour} dans {T}, dernier bastion {dG} dans la région, [selon|d'après] [une source militaire|des militants|la télévision d'État].
{nuit}, [des frappes|des raids] [attribués à l'aviation russe|menés par des avions non identifiés] ont visé des positions {dG} [près|à l'est|au nord|au sud|à l'ouest] {dT}, [tuant|faisant] au moins {n} [combattants|morts].
Le bilan de l'attaque [contre|menée contre] {T} s'est alourdi {jour} à {nn} morts, [selon|d'après] un nouveau décompte, au moment où {G} <G:menace|menacent> de [nouvelles opérations|poursuivre son avancée|frapper à nouveau].
""")

BODY = templates("""
Les combats se concentrent désormais [autour|à l'est|à l'ouest|au nord|au sud] {dT}, selon [des militants|des témoins|une source locale|un correspondant de l'AFP].
{G} <G:affirme|affirment> avoir abattu [un drone|un hélicoptère|un avion de combat] [près|aux abords] {dT}.
{nuit}, [des roquettes se sont abattues|des obus de mortier se sont abattus] sur [plusieurs quartiers|le centre|la périphérie] {dT}, [sans faire de victimes|faisant {nb} blessés], selon [des secouristes|des sources médicales].
Les forces gouvernementales, appuyées par l'aviation russe, tentent depuis [des semaines|plusieurs jours|le début du mois] [de reprendre|d'encercler|d'isoler] {T}.
{G} <G:contrôle|contrôlent> [toujours|encore] [une large partie|une bande|plusieurs poches] du territoire situé entre {T} et {T2}.
L'axe routier reliant {T} à {T2} [a été coupé|reste coupé|a été rouvert à la circulation] {jour}, selon une source militaire.
Des renforts {dG} sont arrivés {aT} [dans la nuit|en fin de journée|à l'aube], [a rapporté|a constaté] [un correspondant sur place|un photographe de l'AFP].
[Plus de|Près de] {nn} combattants ont été tués en une semaine dans les affrontements entre {G} et {G2}, [selon|d'après] un bilan [provisoire|établi par des militants].
{G} et {G2} se disputent depuis [des mois|plusieurs semaines|l'été] le contrôle {dT}.
Un commandant {dG} a été tué {jour} dans [une frappe de drone|une embuscade|un attentat à la voiture piégée] [près|non loin] {dT}.
Les [jihadistes|rebelles|combattants] se sont retirés vers {T}, à une [dizaine|vingtaine|quarantaine] de kilomètres plus [au nord|au sud|à l'est|à l'ouest].
[Une source militaire|Un officier] a fait état de [lourdes pertes|pertes importantes] dans les rangs {dG}.
{G} <G:a|ont> fait sauter un pont sur l'Euphrate [près|à l'entrée] {dT} pour ralentir l'avancée de <G:ses|leurs> adversaires.
Des tunnels creusés par {G} sous [la vieille ville|les quartiers est|le centre] {dT} ont été découverts [par les troupes|lors des opérations de ratissage].
Les démineurs ont commencé à [nettoyer|sécuriser] les rues {dT}, truffées d'engins explosifs laissés par {G}.
L'aviation a mené [plus de|au moins] {nn} raids en [vingt-quatre heures|quarante-huit heures|une seule journée] sur les positions {dG} [autour|au nord|au sud] {dT}.
{G} <G:accuse|accusent> {G2} d'avoir [rompu|violé] la trêve en [bombardant|attaquant] {T}.
Selon des images [diffusées|publiées] sur les réseaux sociaux, des combattants {dG} [patrouillent|ont hissé leur drapeau] dans le centre {dT}.
Une voiture piégée a explosé devant [un marché|une mosquée|un poste de contrôle|un hôpital] {dT}, faisant [au moins {n} morts|plusieurs dizaines de blessés].
{T} revêt une importance stratégique, car la ville commande l'accès [à la frontière|à la vallée de l'Oronte|aux champs pétroliers|à la côte méditerranéenne].
Les affrontements ont [gagné|atteint] {jour} [les faubourgs|la périphérie|les quartiers sud] {dT}.
{G} <G:a|ont> [repoussé|déjoué] une [contre-offensive|attaque nocturne] sur {T}, [selon <G:ses|leurs> propres déclarations|d'après une source proche des combattants].
Les [tireurs embusqués|snipers] {dG} empêchent toute circulation dans [les rues|le centre-ville|les quartiers ouest] {dT}.
[Des milliers de|Plusieurs centaines de] combattants {dG} auraient été redéployés [vers|autour de] {T} ces derniers jours.
{G} <G:dit|disent> avoir capturé [des soldats|plusieurs officiers|un pilote] lors de l'assaut contre {T}.
La chute {dT} prive {G} d'une [voie d'approvisionnement|base arrière] essentielle.
[Des drones kamikazes|Des missiles sol-sol] ont [visé|frappé] {jour} [un dépôt de munitions|une caserne|un aéroport militaire] près {dT}.
Les forces [gouvernementales|loyalistes] ont installé des barrages sur la route entre {T} et {T2}, [selon|d'après] des habitants.
Des échanges de tirs ont opposé {G} et {G2} dans [la campagne|les vergers|les villages] [autour|à l'ouest|au nord] {dT}.
{G} <G:a|ont> imposé un couvre-feu {aT} après [une série d'attaques|l'assassinat d'un responsable local].
[Des habitants|Des militants] ont fait état d'arrestations massives {aT} depuis l'entrée des combattants {dG} dans la ville.
Les positions {dG} [autour|au sud|à l'est] {dT} ont été pilonnées [toute la nuit|pendant des heures|sans relâche].
{O} <O:a|ont> recensé au moins {n} morts {jour} [dans la région|dans les environs] {dT}.
{O} <O:a|ont> appelé [toutes les parties|les belligérants] à [épargner les civils|ouvrir des couloirs humanitaires|respecter le droit international humanitaire].
Selon {O}, [plus de|près de] {nn} 000 personnes ont [fui|été déplacées] depuis le début de l'offensive.
Un convoi humanitaire [affrété|organisé] par {O} a pu [atteindre {T}|entrer {aT}] pour la première fois depuis [des mois|le début du siège].
{O} <O:dénonce|dénoncent> des [exécutions sommaires|disparitions forcées|arrestations arbitraires] dans la région {dT}.
Les équipes {dO} ont extrait {nb} survivants des décombres d'un immeuble {dT}.
[D'après|Selon] {O}, les hôpitaux {dT} [manquent de tout|sont débordés|ne fonctionnent plus qu'à moitié].
{O} <O:estime|estiment> que [plus de|près de] {nn} 000 enfants ont besoin d'une aide d'urgence dans la région {dT}.
{O} <O:a|ont> suspendu <O:ses|leurs> activités {aT} après [la mort d'un de <O:ses|leurs> employés|le pillage d'un entrepôt].
[Le bilan|Ce bilan], établi par {O}, ne peut pas être vérifié de source indépendante.
{O} <O:a|ont> réclamé une enquête indépendante sur [les frappes|le bombardement] qui <O:a|ont> [touché|détruit] [un hôpital|une école|un marché] {dT}.
Les stocks de vivres {dT} seront épuisés d'ici [quelques jours|deux semaines|la fin du mois], <O:prévient|préviennent> {O}.
{O} <O:fait|font> état de {n} attaques contre des centres de santé depuis le début de l'année dans la région {dT}.
Interrogé par l'AFP, un porte-parole {dO} a [confirmé|refusé de confirmer] [ces informations|l'ampleur des destructions].
{A} <A:a|ont> [condamné|dénoncé] [une agression|un crime|une provocation] après les frappes sur {T}.
{A} <A:a|ont> démenti toute implication dans l'attaque contre {T}.
[Selon|D'après] {A}, [les négociations|les discussions] sur le sort {dT} devraient reprendre [la semaine prochaine|dans les prochains jours].
{A} <A:a|ont> [appelé|exhorté] [la communauté internationale|les grandes puissances] à [agir|intervenir|prendre ses responsabilités] face à la crise humanitaire.
{A} <A:a|ont> [salué|accueilli avec prudence] l'annonce d'une trêve [autour|au nord] {dT}.
{A} <A:a|ont> [accusé|mis en cause] {G} [d'avoir bombardé|d'avoir assiégé] des quartiers résidentiels {dT}.
Dans un communiqué, {A} <A:réclame|réclament> le retrait [immédiat|sans condition] {dG} de la région {dT}.
{A} <A:assure|assurent> vouloir [une solution politique|un règlement négocié] et <A:rejette|rejettent> toute [opération militaire|intervention étrangère] {aT}.
« {quote} », a [déclaré|affirmé|martelé] {P}[ lors d'une conférence de presse| dans un communiqué| devant la presse|].
{P}, {rP}, a [appelé|exhorté] [la communauté internationale|les grandes puissances] à [agir|intervenir|prendre ses responsabilités].
{P} a [refusé de commenter|démenti] ces informations, [selon|d'après] [un communiqué|son entourage].
{P} <P:s'est rendu|s'est rendue> {jour} {aT}, [sa première visite|une visite inédite] depuis [le début du conflit|plusieurs années].
Dans un entretien [accordé à une télévision|diffusé {jour}], {P} a [assuré|affirmé|prédit] que {G} <G:serait bientôt vaincu|serait bientôt vaincue|seraient bientôt vaincus|seraient bientôt vaincues>.
{P} a [rencontré|reçu] {P2} pour évoquer [la situation {aT}|le sort des déplacés {dT}|la reconstruction {dT}].
Les propos {dP} ont suscité [une vive polémique|la colère|l'inquiétude] [à l'étranger|parmi les opposants|dans les camps de réfugiés].
{P} a [accusé|mis en cause] {G} dans [l'attaque|les frappes] contre {T}.
[Selon|D'après] {P}, {rP}, [au moins {n}|près de {nn}] civils restent [bloqués|assiégés] {aT}.
Le rôle {dP} dans [la chute|la défense|le siège] {dT} reste [controversé|mal connu].
{P} <P:a été nommé|a été nommée> à la tête {dG} [en|au début de] [l'année|ce conflit], [selon|d'après] des sources concordantes.
{P}, {rP}, <P:est|est> accusé<P:|e> par {O} de [crimes de guerre|violations graves des droits humains].
[Des proches|Des partisans] {dP} ont [manifesté|défilé] {jour} {aT}.
{P} <P:a|a> [annoncé|promis] la [libération|réouverture|reconstruction] [de détenus|des écoles|des routes] {dT}.
Le conflit en Syrie a fait plus de {nn} 000 morts depuis [2011|son déclenchement en 2011] et [poussé à l'exil|déplacé] des millions de personnes.
Déclenchée en mars 2011 par la répression de manifestations prodémocratie, la guerre s'est complexifiée avec l'implication de [puissances étrangères|groupes jihadistes|milices venues de l'étranger].
[Les négociations de paix organisées à Genève|Les pourparlers de paix menés sous l'égide des grandes puissances] n'ont [jusqu'ici|pour l'heure] abouti à aucun résultat concret.
La population, [épuisée|exsangue], survit [grâce à l'aide humanitaire|au prix de lourdes privations] [depuis des mois|depuis le début du siège].
Les prix des denrées [ont flambé|se sont envolés] et l'électricité n'est disponible que [quelques heures|deux heures] par jour.
[Dans les camps de déplacés|Sous les tentes], [des familles entières|des milliers de familles] affrontent [le froid|la chaleur écrasante|les inondations] sans [chauffage|eau potable|soins].
Les écoles restent fermées [depuis des semaines|depuis le début des combats] et de nombreux enfants [travaillent pour aider leur famille|sont déscolarisés].
Un *cessez-le-feu* [négocié|conclu] sous l'égide de Moscou et d'Ankara n'a jamais été pleinement respecté.
La communauté internationale [reste divisée|peine à s'accorder] sur [l'avenir du pays|la reconstruction|la question des réfugiés].
Le *califat* autoproclamé en 2014 s'étendait alors sur de vastes territoires à cheval entre la Syrie et l'Irak.
[Des milliers de|Des dizaines de milliers de] détenus ont disparu dans les prisons du pouvoir, selon [des défenseurs des droits humains|d'anciens détenus].
La livre syrienne a perdu près de {pct}% de sa valeur en un an, aggravant [la misère|la pauvreté] de millions de familles.
Les *moukhabarat*, les redoutés services de renseignement, [multiplient|ont multiplié] les arrestations [dans les zones reprises|aux points de contrôle].
Les secouristes peinaient à [dégager|atteindre] les victimes, faute [d'engins|de carburant|de matériel].
Selon des témoins, les frappes ont visé [un marché|une boulangerie|un dispensaire|une école] à l'heure de [la prière|l'affluence].
[Sur le plan diplomatique|Parallèlement], [les grandes puissances|les parrains du conflit] ont [multiplié les contacts|convoqué une réunion d'urgence] [à Genève|à Astana|à New York].
Le Conseil de sécurité doit se réunir [{jour}|dans les prochains jours] pour examiner [un projet de résolution|la situation humanitaire].
La Turquie affirme accueillir [plus de|près de] {m} millions de réfugiés syriens sur son sol.
[L'hiver|La sécheresse] [aggrave|menace d'aggraver] [une situation déjà dramatique|la crise alimentaire] dans le nord du pays.
Au total, [plus de|près de] {nn} personnes ont été tuées depuis le début du mois, [selon|d'après] un décompte de l'AFP.
[Les rares commerces encore ouverts sont pris|Les boulangeries sont prises] d'assaut dès [l'aube|la levée du couvre-feu].
Le pays est morcelé en zones d'influence, [chacune soutenue par une puissance étrangère|où s'affrontent acteurs locaux et puissances régionales].
[Les ONG|Les agences humanitaires] dénoncent depuis des années l'usage d'armes [chimiques|incendiaires|à sous-munitions] contre des zones habitées.
[Des familles racontent avoir passé [des jours|plusieurs nuits] terrées|Des habitants racontent avoir passé [des jours|plusieurs nuits] terrés] dans des caves, [sans eau ni lumière|sans nouvelles de leurs proches].
Les réfugiés qui [rentrent|tentent de rentrer] chez eux trouvent souvent leur maison [détruite|occupée|pillée].
L'accès des journalistes [à la zone|aux zones de combat] reste [très limité|strictement contrôlé], ce qui rend toute vérification difficile.
Les *chabiha*, miliciens progouvernementaux, sont accusés [d'exactions|de pillages] dans les quartiers repris.
[La reconstruction|Le déminage] des zones dévastées devrait prendre [des années|des décennies], selon [des experts|des ingénieurs].
Le prix du pain a [doublé|triplé] en [quelques semaines|un mois], selon des habitants joints par téléphone.
[Sur le terrain|Dans les faits], la ligne de front n'a guère bougé depuis [des mois|le dernier accord de désescalade].
Les [pluies|crues] ont inondé [des centaines de tentes|plusieurs camps] dans le nord-ouest du pays, [selon|d'après] des secouristes.
Les [blessés|malades] graves doivent parcourir des dizaines de kilomètres pour atteindre [un hôpital|la frontière turque].
[Nombre de|Beaucoup de] familles ont dû fuir [à plusieurs reprises|trois ou quatre fois] depuis le début de la guerre, au gré des lignes de front.
Les [champs|vergers] laissés à l'abandon et la [hausse|flambée] du prix du carburant ont ruiné [les agriculteurs|les éleveurs] de la région.
[Les coupures d'eau|Les pénuries de carburant] se multiplient, et les habitants [font la queue pendant des heures|dépendent des camions-citernes].
[Selon des secouristes|D'après des témoins], les bombardements ont [repris|redoublé] dès [la fin de la trêve|l'expiration de l'ultimatum].
Les frontières restent [fermées|quasiment fermées] aux réfugiés, qui s'entassent dans des camps de fortune [le long du mur frontalier|près des postes-frontières].
Une épidémie de [choléra|rougeole|leishmaniose] [menace|frappe] les [camps|zones] où l'accès à l'eau potable est [limité|quasi inexistant].
[Des milliers de|Plusieurs centaines de] jeunes hommes ont été enrôlés de force, selon des [habitants|ONG locales].
Les [correspondants|journalistes] présents sur place font état de [destructions massives|quartiers entiers rasés].
Le [téléphone|réseau internet] a été coupé pendant [plusieurs heures|toute la journée], rendant les communications [difficiles|impossibles].
Les [convois|camions] d'aide attendent [depuis des jours|depuis une semaine] le feu vert des autorités pour [passer|franchir] la ligne de front.
[Les familles de disparus|Les proches des détenus] réclament [depuis des années|sans relâche] des informations sur le sort des leurs.
Des [mines|engins explosifs] continuent de tuer [des enfants|des bergers|des agriculteurs] [des mois|des années] après la fin des combats.
Le [coût|montant] de la reconstruction est estimé à [plusieurs centaines de milliards de dollars|plus de 250 milliards de dollars].
[Les observateurs|Les diplomates] redoutent [une nouvelle vague de réfugiés|un embrasement régional] si [l'offensive|les combats] [se poursuit|se poursuivent].
Les [fonctionnaires|enseignants] ne sont plus payés depuis [des mois|le début de l'année], selon des habitants.
Le [marché noir|trafic de carburant] prospère [aux points de passage|le long des lignes de front].
[Plusieurs|De nombreux] pays [occidentaux|européens] ont fermé leur ambassade [dès 2012|au début du conflit].
[En quelques années|En une décennie], la population [a fondu|a été divisée par deux] dans certaines [régions|provinces] du pays.
[Les combats|Les bombardements] [ont repris|se sont intensifiés] après [quelques jours|une brève période] d'accalmie relative.
La ville {dT} est [privée d'électricité|coupée du monde] depuis [le début du siège|plusieurs semaines], selon des habitants.
Un [marché|quartier] {dT} a été [ravagé|détruit] par [un incendie|une frappe] {jour}, [sans faire de victimes|faisant {nb} morts].
Les [habitants|déplacés] {dT} manquent [de pain|de lait pour bébés|de médicaments], selon [des secouristes|des militants locaux].
Les [écoles|mosquées] {dT} [servent désormais d'abris|accueillent des familles déplacées] depuis le début des combats.
Un [cimetière|terrain vague] {dT} a dû être agrandi pour accueillir les victimes des [derniers combats|bombardements].
{G} <G:a|ont> [exécuté|enlevé] {jour} [plusieurs habitants|un notable local] {dT}, accusés de collaboration.
{G} <G:recrute|recrutent> [des adolescents|des combattants étrangers] dans la région {dT}, [selon|d'après] [des militants|des témoins].
[Des|Plusieurs] combattants {dG} <G:ont|ont> [fait défection|rejoint les rangs] {dG2}, [selon|d'après] des sources locales.
{G} <G:a|ont> [annoncé|démenti] [un retrait|le retrait] de <G:ses|leurs> combattants [des environs|du centre] {dT}.
Les lignes {dG} [ont cédé|ont reculé] [à l'est|au sud|au nord] {dT} sous la pression [des troupes gouvernementales|de l'aviation].
{O} <O:a|ont> [distribué|acheminé] [des vivres|des kits d'hygiène|des couvertures] à [plus de|près de] {nn} familles {dT}.
[Selon|D'après] {O}, [les civils|les familles] {dT} vivent dans [des conditions|une situation] [effroyables|dramatiques].
{A} <A:a|ont> annoncé [une aide|une enveloppe] de {n} millions d'euros pour les déplacés {dT}.
{A} <A:a|ont> [convoqué|réuni] [les chefs tribaux|des notables] {dT} pour [apaiser les tensions|négocier une trêve].
{P} a [qualifié|décrit] la situation {aT} de « [catastrophique|dramatique|intenable] ».
{P}, {rP}, a annoncé {jour} <P:son|son> [départ|retour] {aT}.
Selon {P}, {G} <G:chercherait|chercheraient> à [gagner du temps|se repositionner] {aT}.
""")

TITLES = templates("""
Syrie : {G} <G:reprend|reprennent> {T}
Syrie : {G} <G:perd|perdent> {T}
Syrie : au moins {n} civils tués dans des frappes sur {T}
{T} : nouvelle offensive {dG}
Syrie : {G} <G:revendique|revendiquent> un attentat meurtrier {aT}
{T}, ville [martyre|assiégée] : [le récit|les témoignages] des habitants
Syrie : des milliers de civils fuient les combats {aT}
Syrie : {P} [appelle à un cessez-le-feu|promet de reconquérir tout le territoire|rejette toute négociation]
Bataille {dT} : {G} <G:recule|reculent> face aux forces gouvernementales
Syrie : l'aide humanitaire entre enfin {aT}
Syrie : {nb} morts dans un attentat {aT}
[Analyse|Décryptage] : que reste-t-il {dG} ?
Syrie : la trêve vole en éclats {aT}
Syrie : {G} et {G2} s'affrontent près {dT}
{T} : [les secouristes débordés|les hôpitaux saturés] après des frappes meurtrières
Syrie : [l'étau se resserre|la pression s'accentue] sur {G} {aT}
Syrie : {O} <O:alerte|alertent> sur le sort des civils {dT}
{P} [en visite|en déplacement] {aT}
Syrie : {A} <A:condamne|condamnent> les frappes sur {T}
Syrie : [reportage|enquête] dans les ruines {dT}
{T} : [des fosses communes découvertes|des centaines de détenus libérés] après le départ {dG}
Syrie : {G} <G:annonce|annoncent> la prise {dT}
""")

HEADINGS = templates("""
Escalade autour {dT}
« Pas de solution militaire »
Une situation humanitaire critique
Pressions diplomatiques
Le sort des civils
Offensive {dG}
Une reconstruction hors de portée
Des déplacés par milliers
Bataille pour {T}
Frappes sur {T}
Négociations au point mort
Un *califat* en lambeaux
Des hôpitaux débordés
« Nous n'avons plus rien »
Une économie à genoux
Le front {dT}
""")

LIST_INTROS = templates("""
[Voici les principaux points de l'accord|Ce que prévoit l'accord|Les principales annonces] :
[Ce que l'on sait de l'attaque|Les éléments connus à ce stade] :
[Les chiffres clés de la crise|La crise en quelques chiffres] :
""")

LIST_ITEMS = templates("""
un cessez-le-feu de {n} jours [autour|au nord|au sud] {dT}
l'ouverture de {nb} couloirs humanitaires vers {T}
la libération de {nn} détenus
l'évacuation de {nn} blessés [vers la Turquie|vers les hôpitaux du nord]
le retrait des armes lourdes {dT}
le déploiement d'observateurs {aT}
{nn} 000 déplacés depuis le début du mois
{n} hôpitaux hors service {aT}
une réunion prévue {jour} à Genève
des frappes attribuées {aG}
{n} écoles détruites [dans la région|autour] {dT}
l'accès des convois de {O} à {T}
la réouverture de la route entre {T} et {T2}
un échange de prisonniers entre {G} et {G2}
""")

QUOTE_BLOCKS = templates("""
« {quote} », a [déclaré|affirmé|martelé] {P}.
« {quote} », [raconte|témoigne|confie] [un habitant {dT}|une infirmière de l'hôpital {dT}|un enseignant déplacé {aT}|une mère de famille réfugiée {aT}|un commerçant {dT}].
« {quote} », [a estimé|a déclaré] un porte-parole {dO}.
""")

QUOTES = [
    "Nous avons tout perdu, il ne nous reste que nos vies",
    "Les bombardements n'ont pas cessé de toute la nuit",
    "Nous n'avons plus ni eau, ni électricité, ni médicaments",
    "Les enfants ne dorment plus, ils ont peur du bruit des avions",
    "Personne ne viendra nous sauver",
    "Nous voulons juste rentrer chez nous",
    "La priorité est de protéger les civils",
    "Il n'y a pas de solution militaire à ce conflit",
    "Nous ne négocierons pas sous les bombes",
    "La situation humanitaire est catastrophique",
    "Chaque jour, nous enterrons des voisins",
    "Les hôpitaux ne peuvent plus accueillir de blessés",
    "Nous avons marché pendant trois jours pour arriver ici",
    "C'est une victoire importante contre le terrorisme",
    "La reconstruction prendra des décennies",
    "Nous avons creusé des abris sous les maisons",
    "Le monde nous a oubliés",
    "Nous exigeons l'ouverture immédiate de couloirs humanitaires",
    "Cette offensive est une violation flagrante du droit international",
    "Les combattants se cachent parmi la population",
    "Nous ne savons pas si nos proches sont encore en vie",
    "On ne peut pas parler de trêve quand les obus tombent chaque jour",
    "Il faut que les responsables de ces crimes soient jugés",
    "Nous dormons dans la rue depuis une semaine",
    "Le pain coûte aujourd'hui dix fois plus cher qu'avant la guerre",
    "Nous resterons ici jusqu'au bout",
]

SOURCES = [
    ("AFP", 46), ("AFP et Reuters", 12), ("Reuters", 8), ("AFP, Reuters et AP", 4), ("Le Monde avec AFP", 6),
    ("L'Orient-Le Jour avec AFP", 6), ("France 24 avec AFP", 6), ("RFI", 5), ("Libération avec AFP", 4),
    ("Le Figaro avec AFP et Reuters", 3),
]

DATELINES = ["Beyrouth", "Amman", "Genève", "Istanbul", "Moscou", "Bagdad", "Gaziantep", "New York"]
WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
SPELLED = ["deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze"]

# Common French words a synthetic name must not equal or share a prefix with (besides every word of the prose).
COMMON_WORDS = """
le la les un une des du de au aux et ou mais donc or ni car que qui quoi dont où ce cet cette ces son sa ses leur
leurs mon ma mes ton ta tes notre nos votre vos il elle ils elles on nous vous je tu lui eux se sur sous dans par pour
avec sans entre vers chez contre depuis pendant avant après selon malgré comme si tout tous toute toutes plus moins
très bien mal peu beaucoup trop aussi encore déjà jamais toujours souvent ici là alors ainsi enfin puis ensuite
être avoir faire dire aller voir savoir pouvoir vouloir venir devoir prendre mettre donner parler trouver passer
rester tenir porter montrer entendre laisser croire sembler attendre perdre vivre mourir partir sortir entrer rendre
homme femme enfant jour nuit an année mois semaine heure temps monde pays ville village terre eau feu pain vie mort
guerre paix armée soldat front ligne route pont rue maison porte place marché hôpital école mosquée église prison
camp tente famille père mère fils fille frère soeur ami peuple nation état gouvernement président ministre chef
général police force forces groupe parti conseil comité union ligue mouvement brigade bataillon division régiment
milice unité unités faucons lions martyrs tribus aube victoire libération liberté croissant désert côte sud nord est
ouest centre région province zone quartier bastion base poste frontière vallée fleuve montagne plaine désert oasis
bon bonne grand grande petit petite nouveau nouvelle vieux vieille jeune long longue haut haute bas basse fort forte
premier première dernier dernière seul seule même autre chaque plusieurs quelques aucun aucune certain certains
rouge blanc blanche noir noire vert verte bleu bleue libre sainte saint mer mare mal bal sale salle dame dames tard
bar barre bas base bassin mare marre mars mai juin juillet août septembre octobre novembre décembre janvier février
avril lundi mardi mercredi jeudi vendredi samedi dimanche zone zoo amour âme arme armes hache harem sel sol soleil
lune ciel pluie neige vent sable pierre fer or argent cuivre bois blé riz thé café lait miel huile sucre sel viande
""".split()


def prose_vocabulary() -> set[str]:
    """Every folded word the prose can write, plus common French words."""
    vocabulary = set()
    for pool in (LEADS, BODY, TITLES, HEADINGS, LIST_INTROS, LIST_ITEMS, QUOTE_BLOCKS):
        for template in pool:
            vocabulary.update(words_of(re.sub(r"\{[^}]*\}|<[^>]*:", " ", template.source)))
    for quote in QUOTES:
        vocabulary.update(words_of(quote))
    for source, _ in SOURCES:
        vocabulary.update(words_of(source))
    vocabulary.update(words_of(" ".join(COMMON_WORDS)))
    vocabulary.update(words_of(" ".join(WEEKDAYS + SPELLED)))
    for role_pair in PERSON_ROLES:
        vocabulary.update(words_of(" ".join(role_pair)))
    return vocabulary


# ---------------------------------------------------------------------------------------------------------------------
# The registry: real entities first (the most mentioned), then synthetic ones
# ---------------------------------------------------------------------------------------------------------------------

class Entity:
    """An entity of the registry and the ways the prose may write it."""

    def __init__(self, kind, ident, name, aliases=(), *, letter, surfaces=None, gender="m", coordinates=None,
                 summary=None, affiliation=None, role=None, surname=None, real=False):
        self.kind = kind            # towns, groups, people
        self.id = ident
        self.name = name
        self.aliases = list(aliases)
        self.letter = letter        # T, G (armed group), O (organisation), A (authority), P (person)
        # (text in the prose, grammar code, weight); codes: m f mp fp, with a leading 0 when there is no article
        self.surfaces = surfaces or [(name, "0f" if kind == "towns" else "0" + gender, 1.0)]
        self.gender = gender
        self.coordinates = coordinates
        self.summary = summary
        self.affiliation = affiliation
        self.role = role            # people: (masculine, feminine) is resolved into one string
        self.surname = surname      # people: the registered alias used as `M. Surname`
        self.real = real

    def names(self):
        return [self.name] + self.aliases


# Real towns: name, aliases, latitude, longitude, province.
REAL_TOWNS = [
    ("Alep", [], 36.202, 37.134, "Alep"), ("Damas", [], 33.513, 36.292, "Damas"),
    ("Homs", [], 34.733, 36.717, "Homs"), ("Idleb", ["Idlib"], 35.930, 36.634, "Idleb"),
    ("Raqqa", ["Rakka"], 35.950, 39.010, "Raqqa"), ("Deir Ezzor", ["Deir ez-Zor"], 35.336, 40.141, "Deir Ezzor"),
    ("Hama", [], 35.132, 36.750, "Hama"), ("Boukamal", ["Abou Kamal"], 34.453, 40.918, "Deir Ezzor"),
    ("Douma", [], 33.572, 36.402, "Damas"), ("Kobané", ["Aïn al-Arab"], 36.891, 38.354, "Alep"),
    ("Palmyre", ["Tadmor"], 34.560, 38.267, "Homs"), ("Deraa", ["Daraa"], 32.625, 36.106, "Deraa"),
    ("Manbij", ["Menbij"], 36.528, 37.955, "Alep"), ("Afrine", ["Afrin"], 36.512, 36.869, "Alep"),
    ("Lattaquié", [], 35.523, 35.792, "Lattaquié"), ("Tartous", [], 34.889, 35.887, "Tartous"),
    ("Qamichli", ["Qamishli"], 37.052, 41.231, "Hassaké"), ("Hassaké", ["Hassakeh"], 36.500, 40.747, "Hassaké"),
    ("Maaret al-Noomane", ["Maarat al-Nouman"], 35.648, 36.675, "Idleb"), ("Harasta", [], 33.567, 36.367, "Damas"),
    ("Al-Bab", [], 36.371, 37.515, "Alep"), ("Jarablous", [], 36.818, 38.011, "Alep"),
    ("Azaz", [], 36.586, 37.046, "Alep"), ("Tal Abyad", ["Tall Abyad"], 36.697, 38.957, "Raqqa"),
    ("Ras al-Aïn", [], 36.850, 40.070, "Hassaké"), ("Saraqeb", [], 35.862, 36.806, "Idleb"),
    ("Khan Cheikhoun", [], 35.442, 36.651, "Idleb"), ("Mayadine", [], 35.020, 40.452, "Deir Ezzor"),
    ("Tabqa", [], 35.837, 38.548, "Raqqa"), ("Jisr al-Choughour", [], 35.812, 36.318, "Idleb"),
    ("Soueida", [], 32.709, 36.566, "Soueida"), ("Daraya", [], 33.458, 36.236, "Damas"),
    ("Zabadani", [], 33.725, 36.097, "Damas"), ("Madaya", [], 33.689, 36.098, "Damas"),
    ("Qousseir", [], 34.509, 36.580, "Homs"), ("Rastane", [], 34.927, 36.733, "Homs"),
    ("Salamiyé", [], 35.011, 37.053, "Hama"), ("Ariha", [], 35.813, 36.609, "Idleb"),
    ("Yabroud", [], 33.967, 36.658, "Damas"), ("Bosra", [], 32.518, 36.481, "Deraa"),
    ("Nawa", [], 32.889, 36.043, "Deraa"), ("Qardaha", [], 35.456, 35.999, "Lattaquié"),
    ("Baniyas", [], 35.182, 35.940, "Tartous"), ("Jableh", [], 35.361, 35.926, "Lattaquié"),
    ("Masyaf", [], 35.065, 36.342, "Hama"), ("Sarmada", [], 36.178, 36.722, "Idleb"),
    ("Tal Rifaat", [], 36.473, 37.097, "Alep"), ("Hajine", [], 34.696, 40.836, "Deir Ezzor"),
    ("Baghouz", [], 34.468, 40.951, "Deir Ezzor"), ("Chaddadi", [], 36.058, 40.729, "Hassaké"),
    ("Amouda", [], 37.104, 40.930, "Hassaké"), ("Qaryatayne", [], 34.229, 37.240, "Homs"),
    ("Sokhné", [], 34.888, 38.872, "Homs"), ("Kafranbel", [], 35.614, 36.561, "Idleb"),
    ("Binnich", [], 35.957, 36.714, "Idleb"), ("Atareb", [], 36.136, 36.830, "Alep"),
    ("Morek", [], 35.204, 36.688, "Hama"), ("Lataminé", [], 35.325, 36.613, "Hama"),
    ("Aïn Issa", [], 36.385, 38.862, "Raqqa"), ("Tal Tamr", [], 36.652, 40.372, "Hassaké"),
]

# Real armed groups, organisations and authorities: id, name, aliases, letter, surfaces, summary, affiliation.
REAL_GROUPS = [
    ("etat-islamique", "État islamique", ["EI", "Daech", "EIIL"], "G",
     [("État islamique", "m", 3), ("EI", "m", 5), ("Daech", "0m", 2), ("groupe État islamique", "m", 1)],
     "Organisation jihadiste qui a proclamé en 2014 un « califat » à cheval sur la Syrie et l'Irak.", None),
    ("forces-democratiques-syriennes", "Forces démocratiques syriennes", ["FDS"], "G",
     [("Forces démocratiques syriennes", "fp", 2), ("FDS", "fp", 4)],
     "Alliance arabo-kurde dominée par les combattants kurdes, fer de lance de la lutte contre les jihadistes dans le nord-est.",
     None),
    ("osdh", "Observatoire syrien des droits de l'Homme", ["OSDH"], "O",
     [("Observatoire syrien des droits de l'Homme", "m", 1), ("OSDH", "m", 4)],
     "ONG basée au Royaume-Uni qui recense les victimes du conflit grâce à un réseau de sources en Syrie.", None),
    ("regime-syrien", "Régime syrien", ["gouvernement syrien"], "A",
     [("régime syrien", "m", 3), ("gouvernement syrien", "m", 2)],
     "Pouvoir en place à Damas sous la présidence de Bachar al-Assad, soutenu par la Russie et l'Iran.", None),
    ("armee-syrienne", "Armée syrienne", ["Armée arabe syrienne"], "G",
     [("armée syrienne", "f", 4), ("Armée arabe syrienne", "f", 1)],
     "Forces armées régulières de la République arabe syrienne.", "regime-syrien"),
    ("hayat-tahrir-al-cham", "Hayat Tahrir al-Cham", ["HTS", "Hayat Tahrir al-Sham"], "G",
     [("Hayat Tahrir al-Cham", "0m", 2), ("HTS", "0m", 2), ("groupe jihadiste Hayat Tahrir al-Cham", "m", 1)],
     "Coalition jihadiste issue de l'ex-branche syrienne d'Al-Qaïda, dominante dans la région d'Idleb.", None),
    ("onu", "Organisation des Nations unies", ["ONU", "Nations unies"], "O",
     [("ONU", "f", 4), ("Organisation des Nations unies", "f", 1), ("Nations unies", "fp", 2)],
     "Organisation internationale fondée en 1945, chargée du maintien de la paix et de la sécurité internationales.",
     None),
    ("hezbollah", "Hezbollah", ["Hizbollah"], "G",
     [("Hezbollah", "m", 3), ("Hezbollah libanais", "m", 2), ("Hizbollah", "m", 0.5)],
     "Mouvement chiite libanais, parti politique et milice armée, engagé en Syrie aux côtés du pouvoir.", None),
    ("armee-syrienne-libre", "Armée syrienne libre", ["ASL"], "G",
     [("Armée syrienne libre", "f", 2), ("ASL", "f", 2)],
     "Nébuleuse de groupes rebelles formée en 2011 par des déserteurs de l'armée régulière.", None),
    ("unites-de-protection-du-peuple", "Unités de protection du peuple", ["YPG"], "G",
     [("Unités de protection du peuple", "fp", 1), ("YPG", "fp", 2), ("milice kurde des YPG", "f", 1)],
     "Principale milice kurde de Syrie, colonne vertébrale de l'alliance arabo-kurde.", None),
    ("kremlin", "Kremlin", [], "A", [("Kremlin", "m", 1)], "Siège de la présidence russe, à Moscou.", None),
    ("front-al-nosra", "Front al-Nosra", ["Front Fateh al-Cham"], "G",
     [("Front al-Nosra", "m", 3), ("Front Fateh al-Cham", "m", 0.5)],
     "Ancienne branche syrienne d'Al-Qaïda, rebaptisée en 2016.", None),
    ("casques-blancs", "Casques blancs", ["Défense civile syrienne"], "O",
     [("Casques blancs", "mp", 3), ("Défense civile syrienne", "f", 1)],
     "Secouristes volontaires opérant dans les zones tenues par l'opposition.", None),
    ("coalition-internationale", "Coalition internationale antijihadiste",
     ["coalition antijihadiste", "coalition internationale"], "G",
     [("coalition internationale", "f", 3), ("coalition antijihadiste", "f", 2),
      ("coalition internationale antijihadiste", "f", 1)],
     "Coalition militaire menée par les États-Unis contre les jihadistes en Syrie et en Irak.", None),
    ("ahrar-al-cham", "Ahrar al-Cham", ["Ahrar al-Sham"], "G",
     [("Ahrar al-Cham", "0m", 2), ("groupe islamiste Ahrar al-Cham", "m", 1)],
     "Groupe rebelle islamiste syrien fondé en 2011.", None),
    ("maison-blanche", "Maison Blanche", [], "A", [("Maison Blanche", "f", 1)],
     "Siège de la présidence américaine, à Washington.", None),
    ("jaich-al-islam", "Jaich al-Islam", ["Jaish al-Islam"], "G",
     [("Jaich al-Islam", "0m", 2), ("groupe rebelle Jaich al-Islam", "m", 1)],
     "Groupe rebelle islamiste longtemps implanté dans la Ghouta orientale.", None),
    ("gardiens-de-la-revolution", "Gardiens de la révolution", ["Gardes de la révolution", "Pasdaran", "CGRI"], "G",
     [("Gardiens de la révolution", "mp", 2), ("Gardiens de la révolution iraniens", "mp", 1), ("Pasdaran", "0mp", 1)],
     "Armée idéologique de la République islamique d'Iran, déployée en Syrie en soutien au pouvoir.", None),
    ("hcr", "Haut-Commissariat des Nations unies pour les réfugiés", ["HCR"], "O",
     [("HCR", "m", 3), ("Haut-Commissariat des Nations unies pour les réfugiés", "m", 1)],
     "Agence onusienne chargée de la protection des réfugiés.", "onu"),
    ("armee-nationale-syrienne", "Armée nationale syrienne", ["ANS"], "G",
     [("Armée nationale syrienne", "f", 2), ("ANS", "f", 1)],
     "Coalition de factions rebelles soutenues par la Turquie dans le nord du pays.", None),
    ("elysee", "Élysée", [], "A", [("Élysée", "m", 1)], "Siège de la présidence française, à Paris.", None),
    ("msf", "Médecins sans frontières", ["MSF"], "O",
     [("Médecins sans frontières", "0mp", 1), ("MSF", "0m", 2), ("ONG Médecins sans frontières", "f", 1)],
     "ONG médicale internationale fondée en 1971.", None),
    ("armee-russe", "Armée russe", ["forces russes"], "G",
     [("armée russe", "f", 2), ("forces russes", "fp", 1)],
     "Forces armées de la Fédération de Russie, intervenues en Syrie en septembre 2015.", "kremlin"),
    ("sana", "Sana", ["Agence arabe syrienne d'information"], "O",
     [("agence officielle Sana", "f", 3), ("Sana", "0f", 1)],
     "Agence de presse officielle de l'État syrien.", "regime-syrien"),
    ("pkk", "Parti des travailleurs du Kurdistan", ["PKK"], "G",
     [("PKK", "m", 2), ("Parti des travailleurs du Kurdistan", "m", 1)],
     "Organisation armée kurde en lutte contre l'État turc depuis 1984.", None),
    ("oms", "Organisation mondiale de la santé", ["OMS"], "O",
     [("OMS", "f", 3), ("Organisation mondiale de la santé", "f", 1)],
     "Agence onusienne chargée de la santé publique.", "onu"),
    ("akp", "Parti de la justice et du développement", ["AKP"], "A",
     [("AKP", "m", 2), ("Parti de la justice et du développement", "m", 1)],
     "Parti islamo-conservateur au pouvoir en Turquie depuis 2002.", None),
    ("faylaq-al-rahmane", "Faylaq al-Rahmane", [], "G", [("Faylaq al-Rahmane", "0m", 1)],
     "Groupe rebelle actif dans la Ghouta orientale.", None),
    ("cicr", "Comité international de la Croix-Rouge", ["CICR"], "O",
     [("CICR", "m", 3), ("Comité international de la Croix-Rouge", "m", 1)],
     "Organisation humanitaire basée à Genève.", None),
    ("coalition-nationale-syrienne", "Coalition nationale syrienne", ["Coalition de l'opposition"], "A",
     [("Coalition nationale syrienne", "f", 2), ("Coalition de l'opposition", "f", 1)],
     "Principale alliance de l'opposition syrienne en exil.", None),
    ("groupe-wagner", "Groupe Wagner", ["Wagner"], "G",
     [("groupe Wagner", "m", 2), ("groupe paramilitaire russe Wagner", "m", 1)],
     "Société militaire privée russe déployée en Syrie.", None),
    ("pyd", "Parti de l'union démocratique", ["PYD"], "A",
     [("PYD", "m", 2), ("Parti de l'union démocratique", "m", 1)],
     "Principal parti kurde de Syrie.", None),
    ("human-rights-watch", "Human Rights Watch", ["HRW"], "O",
     [("Human Rights Watch", "0f", 2), ("ONG Human Rights Watch", "f", 1)],
     "ONG de défense des droits humains basée à New York.", None),
    ("union-europeenne", "Union européenne", ["UE"], "A", [("Union européenne", "f", 2), ("UE", "f", 2)],
     "Union politique et économique de vingt-sept États européens.", None),
    ("amnesty-international", "Amnesty International", [], "O", [("Amnesty International", "0f", 1)],
     "ONG de défense des droits humains fondée en 1961.", None),
    ("administration-autonome-kurde", "Administration autonome kurde", [], "A",
     [("Administration autonome kurde", "f", 1)], "Autorité de fait dans le nord-est du pays.", None),
    ("ligue-arabe", "Ligue arabe", [], "A", [("Ligue arabe", "f", 1)],
     "Organisation régionale des États arabes, fondée en 1945.", None),
    ("pam", "Programme alimentaire mondial", ["PAM"], "O",
     [("PAM", "m", 2), ("Programme alimentaire mondial", "m", 1)], "Agence onusienne d'aide alimentaire.", "onu"),
    ("brigade-fatemiyoun", "Brigade Fatemiyoun", ["Fatemiyoun"], "G", [("brigade Fatemiyoun", "f", 1)],
     "Milice chiite de combattants afghans recrutés par l'Iran.", None),
]

# Real people: id, name, aliases, surname alias (for `M. X`), gender, role, affiliation.
REAL_PEOPLE = [
    ("bachar-al-assad", "Bachar al-Assad", ["Assad", "Bashar al-Assad"], "Assad", "m", "le président syrien",
     "regime-syrien"),
    ("rami-abdel-rahmane", "Rami Abdel Rahmane", ["Abdel Rahmane"], "Abdel Rahmane", "m",
     "le directeur de l'Observatoire", "osdh"),
    ("vladimir-poutine", "Vladimir Poutine", ["Poutine"], "Poutine", "m", "le président russe", "kremlin"),
    ("recep-tayyip-erdogan", "Recep Tayyip Erdogan", ["Erdogan"], "Erdogan", "m", "le président turc", "akp"),
    ("abou-bakr-al-baghdadi", "Abou Bakr al-Baghdadi", ["Baghdadi"], "Baghdadi", "m", "le chef jihadiste",
     "etat-islamique"),
    ("abou-mohammed-al-jolani", "Abou Mohammed al-Jolani", ["Jolani", "Abou Mohammed al-Joulani"], "Jolani", "m",
     "le chef jihadiste", "hayat-tahrir-al-cham"),
    ("staffan-de-mistura", "Staffan de Mistura", ["de Mistura"], "de Mistura", "m",
     "l'émissaire onusien pour la Syrie", "onu"),
    ("donald-trump", "Donald Trump", ["Trump"], "Trump", "m", "le président américain", "maison-blanche"),
    ("sergei-lavrov", "Sergueï Lavrov", ["Lavrov"], "Lavrov", "m", "le chef de la diplomatie russe", "kremlin"),
    ("mazloum-abdi", "Mazloum Abdi", ["Abdi"], "Abdi", "m", "le commandant en chef de l'alliance arabo-kurde",
     "forces-democratiques-syriennes"),
    ("barack-obama", "Barack Obama", ["Obama"], "Obama", "m", "le président américain", "maison-blanche"),
    ("emmanuel-macron", "Emmanuel Macron", ["Macron"], "Macron", "m", "le président français", "elysee"),
    ("geir-pedersen", "Geir Pedersen", ["Pedersen"], "Pedersen", "m", "l'émissaire onusien pour la Syrie", "onu"),
    ("hassan-nasrallah", "Hassan Nasrallah", ["Nasrallah"], "Nasrallah", "m",
     "le chef du mouvement chiite libanais", "hezbollah"),
    ("antonio-guterres", "Antonio Guterres", ["Guterres"], "Guterres", "m", "le secrétaire général onusien", "onu"),
    ("qassem-soleimani", "Qassem Soleimani", ["Soleimani"], "Soleimani", "m", "le général iranien",
     "gardiens-de-la-revolution"),
    ("francois-hollande", "François Hollande", ["Hollande"], "Hollande", "m", "le président français", "elysee"),
    ("asma-al-assad", "Asma al-Assad", [], None, "f", "l'épouse du président syrien", "regime-syrien"),
    ("zahran-allouche", "Zahran Allouche", ["Allouche"], "Allouche", "m", "le chef rebelle", "jaich-al-islam"),
    ("joe-biden", "Joe Biden", ["Biden"], "Biden", "m", "le président américain", "maison-blanche"),
    ("ali-khamenei", "Ali Khamenei", ["Khamenei"], "Khamenei", "m", "le guide suprême iranien",
     "gardiens-de-la-revolution"),
    ("maher-al-assad", "Maher al-Assad", [], None, "m", "le frère cadet du président syrien", "armee-syrienne"),
    ("raed-saleh", "Raed Saleh", [], None, "m", "le chef des secouristes", "casques-blancs"),
    ("hadi-al-bahra", "Hadi al-Bahra", [], None, "m", "un responsable de l'opposition en exil",
     "coalition-nationale-syrienne"),
    ("ilham-ahmed", "Ilham Ahmed", [], None, "f", "une responsable politique kurde", "administration-autonome-kurde"),
    ("salih-muslim", "Salih Muslim", [], None, "m", "un dirigeant kurde", "pyd"),
]

PROVINCES = ["Alep", "Damas", "Homs", "Hama", "Idleb", "Raqqa", "Deir Ezzor", "Hassaké", "Deraa", "Soueida",
             "Lattaquié", "Tartous", "Qouneitra"]

# A rough outline of Syria (latitude, longitude), for the synthetic towns' coordinates.
SYRIA_OUTLINE = [
    (32.31, 35.80), (32.75, 35.78), (33.25, 35.85), (33.60, 36.00), (33.95, 36.30), (34.45, 36.40),
    (34.65, 35.98), (35.10, 35.90), (35.90, 35.80), (36.20, 35.85), (36.65, 36.20), (36.80, 36.62),
    (36.65, 37.05), (36.80, 38.20), (36.70, 39.50), (37.05, 40.60), (37.10, 41.60), (37.30, 42.35),
    (36.80, 42.30), (36.30, 41.30), (35.60, 41.30), (34.45, 40.95), (33.40, 38.80), (32.90, 37.50),
    (32.50, 36.90), (32.31, 36.40),
]


def inside_syria(latitude, longitude):
    inside = False
    points = SYRIA_OUTLINE
    for index in range(len(points)):
        (lat1, lon1), (lat2, lon2) = points[index], points[index - 1]
        if (lat1 > latitude) != (lat2 > latitude):
            crossing = lon1 + (latitude - lat1) * (lon2 - lon1) / (lat2 - lat1)
            if longitude < crossing:
                inside = not inside
    return inside


# Material for synthetic names.
ONSETS = ["b", "d", "f", "h", "j", "k", "kh", "m", "n", "q", "r", "s", "ch", "t", "z", "gh", "l", "w", "y", "", "dh",
          "th", "sh"]
VOWELS = ["a", "a", "a", "ou", "i", "i", "e"]
CODAS = ["", "", "", "n", "r", "l", "m", "b", "d", "k", "s", "t"]
TOWN_ENDINGS = ["", "", "a", "é", "iyé", "ine", "oun", "ane", "at", "ani"]
TOWN_PREFIXES = [("Tell", 3), ("Kafr", 3), ("Deir", 2), ("Aïn", 2), ("Beit", 2), ("Khirbet", 2), ("Maarat", 1),
                 ("Tal", 2), ("Qasr", 1), ("Jisr", 1), ("Oum", 1), ("Bir", 1), ("Ras", 1)]
TOWN_SUFFIXES = ["al-Kabira", "al-Saghira", "al-Charqiyé", "al-Gharbiyé", "al-Foqani", "al-Tahtani", "al-Jadida"]

ARABIC_GROUP_HEADS = ["Jaich", "Liwa", "Harakat", "Faylaq", "Katibat", "Jabhat", "Ansar", "Jound", "Saraya",
                      "Thouwar", "Souqour", "Fajr", "Tajammou", "Kataeb"]
ARABIC_GROUP_NOUNS = ["Haqq", "Tawhid", "Nasr", "Fatah", "Sunna", "Izza", "Karama", "Furqan", "Badiya", "Jazira",
                      "Furat", "Qalamoun", "Houran", "Sahel", "Aqsa", "Moujahidine", "Khilafa", "Chouhada", "Sahaba",
                      "Mahdi", "Oumma", "Qods", "Zoubayr", "Omari", "Farouq", "Moutassim", "Tahrir", "Watan",
                      "Ghouta", "Assala", "Tanmiya", "Ousoud", "Rijal", "Nour", "Ikhlas", "Ansar"]
ARABIC_GROUP_ADJECTIVES = ["", "", "", "al-Islami", "al-Jadid", "al-Thani", "al-Awwal", "al-Moustaqil"]
FRENCH_GROUP_HEADS = [("Brigade", "f"), ("Bataillon", "m"), ("Division", "f"), ("Régiment", "m"),
                      ("Front", "m"), ("Forces", "fp"), ("Brigades", "fp"), ("Unités", "fp"), ("Milice", "f"),
                      ("Armée", "f"), ("Conseil militaire", "m"), ("Légion", "f")]
FRENCH_GROUP_NAMES = ["des Martyrs", "du Croissant", "des Fils", "de l'Aube", "de la Victoire", "de la Libération",
                      "des Faucons", "des Lions", "de la Liberté", "des Tribus", "de l'Euphrate", "de la Côte",
                      "du Désert", "des Braves", "de l'Épée", "du Serment", "des Compagnons", "de la Dignité",
                      "des Révolutionnaires", "de la Foi", "des Loups", "du Bouclier", "des Montagnes",
                      "de la Résistance"]
FRENCH_GROUP_PLACES = {"de l'Euphrate", "de la Côte", "du Désert", "des Montagnes"}
FRENCH_GROUP_REGIONS = ["", "", "du Houran", "de la Ghouta", "de la Badiya", "du Qalamoun", "de la Jazira",
                        "de l'Oronte", "du Golan", "du Sahel", "de la Bekaa", "du Djebel", "de la Steppe"]
ORG_HEADS = [("Association", "f"), ("Fondation", "f"), ("Réseau", "m"), ("Collectif", "m"), ("Centre", "m"),
             ("Syndicat", "m"), ("Observatoire", "m"), ("Ligue", "f"), ("Bureau", "m"), ("Institut", "m")]
ORG_PURPOSES = ["de soutien aux", "d'aide aux", "de défense des", "pour la protection des", "de documentation sur les",
                "d'assistance aux", "de secours aux"]
ORG_BENEFICIARIES = ["déplacés", "détenus", "victimes", "réfugiés", "familles de disparus", "orphelins", "médecins",
                     "journalistes", "blessés", "femmes", "agriculteurs", "enseignants"]
ORG_PLACES = ["", "", "de la Ghouta", "du Houran", "de la Jazira", "de la Badiya", "du Qalamoun", "de l'Euphrate",
              "du Nord", "syriens", "de l'Oronte"]
POLITICAL_HEADS = [("Parti", "m"), ("Mouvement", "m"), ("Courant", "m"), ("Rassemblement", "m"), ("Alliance", "f"),
                   ("Conseil", "m"), ("Comité", "m"), ("Plateforme", "f")]
POLITICAL_ADJECTIVES = [("national", "nationale"), ("démocratique", "démocratique"), ("populaire", "populaire"),
                        ("kurde", "kurde"), ("arabe", "arabe"), ("patriotique", "patriotique"),
                        ("civil", "civile"), ("progressiste", "progressiste"), ("fédéral", "fédérale"),
                        ("républicain", "républicaine"), ("laïque", "laïque"), ("tribal", "tribale")]
POLITICAL_AIMS = ["pour la réforme", "pour le changement", "de la renaissance", "pour la justice", "de la dignité",
                  "pour la reconstruction", "de la réconciliation", "pour la souveraineté", "de l'unité",
                  "pour la transition", "de la jeunesse", "pour la démocratie", "du salut", "de l'entente"]

FIRST_NAMES_M = ["Ahmad", "Mohammed", "Khaled", "Omar", "Youssef", "Hassan", "Ali", "Mahmoud", "Ibrahim", "Samer",
                 "Fadi", "Bassel", "Walid", "Nizar", "Ziad", "Ammar", "Hussein", "Jamil", "Tarek", "Moustafa",
                 "Abdallah", "Mouaz", "Haytham", "Anas", "Firas", "Iyad", "Majd", "Nabil", "Rafik", "Salim", "Talal",
                 "Wissam", "Yasser", "Zakaria", "Adnan", "Bachir", "Ghassan", "Hicham", "Issam", "Karim", "Louay",
                 "Marwan", "Qoussay", "Radwan", "Saïd", "Chadi", "Oussama", "Mazen", "Hamza", "Abdel Karim", "Fawaz",
                 "Mounir", "Nidal", "Riyad", "Soufiane", "Tamer", "Wael", "Yazan", "Ayman", "Bilal"]
FIRST_NAMES_F = ["Nour", "Fatima", "Rania", "Lina", "Hiba", "Yasmine", "Zeina", "Layla", "Salma", "Maha", "Rima",
                 "Dima", "Sawsan", "Ghada", "Hanane", "Joumana", "Lama", "Mariam", "Nada", "Razan", "Samar", "Souad",
                 "Wafa", "Yara", "Ola", "Asmaa", "Houda", "Bouchra", "Kinda", "Rasha"]
SURNAMES = ["Haddad", "Khalil", "Hamdan", "Jaber", "Darwich", "Mansour", "Qassem", "Hariri", "Othman", "Sabbagh",
            "Hijazi", "Kurdi", "Chami", "Halabi", "Jabri", "Attar", "Bitar", "Chahine", "Daher", "Farhat", "Ghanem",
            "Hamoui", "Kassem", "Khoury", "Makhlouf", "Mardini", "Najjar", "Obeid", "Rifai", "Sayegh", "Sukkar",
            "Yazigi", "Zoubi", "Akkad", "Barakat", "Chehadé", "Dabbagh", "Fares", "Hallak", "Homsi", "Jazairi",
            "Kanaan", "Lahham", "Masri", "Nahhas", "Qabbani", "Rahal", "Safadi", "Tayyara", "Dakhil", "Assaf",
            "Badawi", "Dibo", "Hassoun", "Issa", "Kayali", "Mouallem", "Nakhlé", "Sarraf", "Tamimi", "Wehbé"]
PERSON_ROLES = [
    ("un commandant rebelle", "une commandante rebelle"), ("un responsable local", "une responsable locale"),
    ("un porte-parole", "une porte-parole"), ("un chef tribal", "une notable tribale"),
    ("un militant des droits humains", "une militante des droits humains"), ("un médecin", "une médecin"),
    ("un journaliste local", "une journaliste locale"), ("un négociateur", "une négociatrice"),
    ("un haut responsable sécuritaire", "une haute responsable sécuritaire"),
    ("un ancien officier", "une ancienne responsable militaire"), ("un député", "une députée"),
    ("un avocat", "une avocate"), ("un chercheur spécialiste de la Syrie", "une chercheuse spécialiste de la Syrie"),
    ("un dignitaire religieux", "une responsable associative"), ("un homme d'affaires", "une femme d'affaires"),
    ("un gouverneur", "une gouverneure"), ("un opposant en exil", "une opposante en exil"),
]
# Transliteration variants used for aliases (applied to the first match only).
VARIANTS = [("ou", "u"), ("ch", "sh"), ("Ch", "Sh"), ("iyé", "iyeh"), ("é", "eh"), ("q", "k"), ("Q", "K"),
            ("Mohammed", "Mohamed"), ("Youssef", "Youssouf"), ("Khaled", "Khalid"), ("Jaich", "Jaych"),
            ("Tell", "Tall"), ("Liwa", "Liwaa"), ("ei", "ay"), ("dh", "z"), ("th", "t")]


class Registry:
    def __init__(self):
        self.entities: list[Entity] = []
        self.by_id: dict[str, Entity] = {}
        self.keys: dict[tuple, str] = {}   # folded words of every name -> entity id
        self.ids: set[str] = set()

    def key_free(self, name):
        key = tuple(words_of(name))
        return bool(key) and key not in self.keys

    def add(self, entity: Entity):
        for name in entity.names():
            key = tuple(words_of(name))
            if self.keys.get(key, entity.id) != entity.id:
                raise ValueError(f"name {name!r} of {entity.id} already belongs to {self.keys[key]}")
        for name in entity.names():
            self.keys[tuple(words_of(name))] = entity.id
        self.entities.append(entity)
        self.by_id[entity.id] = entity
        self.ids.add(entity.id)


class NameChecker:
    """Rejects invented words that are, or share a prefix with, a French word of the prose."""

    def __init__(self, vocabulary):
        self.vocabulary = vocabulary
        self.prefixes = set()
        for word in vocabulary:
            for end in range(2, len(word) + 1):
                self.prefixes.add(word[:end])

    def acceptable(self, invented: str) -> bool:
        for word in words_of(invented):
            if word in ("al", "el"):
                continue
            if len(word) < 3 or word in self.prefixes:
                return False
            if any(word[:end] in self.vocabulary for end in range(3, len(word))):
                return False
        return True

    def new_words_ok(self, name, variant):
        """A variant must differ from the name once folded, and its changed words must be acceptable."""
        old = words_of(name)
        new = words_of(variant)
        return new != old and all(self.acceptable(word) for word in new if word not in old)


def unique_id(registry, text):
    base = slugify(text, 48) or "entite"
    ident, number = base, 2
    while ident in registry.ids:
        ident = f"{base}-{number}"
        number += 1
    return ident


def variant_of(rng, name):
    """A transliteration variant of a name, or None."""
    candidates = [(old, new) for old, new in VARIANTS if old in name]
    if not candidates:
        return None
    old, new = rng.choice(candidates)
    return name.replace(old, new, 1)


def invented_root(rng, syllables):
    parts = []
    for _ in range(syllables):
        parts.append(rng.choice(ONSETS) + rng.choice(VOWELS))
    parts.append(rng.choice(CODAS))
    root = "".join(parts)
    return root[:1].upper() + root[1:]


def random_point_in_syria(rng):
    while True:
        latitude = rng.uniform(32.3, 37.3)
        longitude = rng.uniform(35.7, 42.4)
        if inside_syria(latitude, longitude):
            return round(latitude, 3), round(longitude, 3)


def split_counts(total):
    """How many towns, groups and people a registry of `total` entities holds."""
    towns = round(total * 0.42)
    groups = round(total * 0.28)
    return towns, groups, total - towns - groups


def build_registry(rng, total, checker) -> Registry:
    registry = Registry()
    town_count, group_count, people_count = split_counts(total)

    # Towns: the real ones first, then invented ones.
    for name, aliases, latitude, longitude, province in REAL_TOWNS[:town_count]:
        ident = slugify(name)
        surfaces = [(name, "0f", 4.0)] + [(alias, "0f", 1.0) for alias in aliases]
        summary = ("Chef-lieu de la province du même nom." if province == name
                   else f"Ville de la province {de_phrase(province)}.")
        registry.add(Entity("towns", ident, name, aliases, letter="T", surfaces=surfaces,
                            coordinates=(latitude, longitude), summary=summary, real=True))
    attempts = 0
    while sum(1 for e in registry.entities if e.kind == "towns") < town_count:
        attempts += 1
        if attempts > 200 * total + 10_000:
            raise SystemExit("cannot invent enough distinct town names; use fewer entities")
        root = invented_root(rng, rng.choice([2, 2, 3])) + rng.choice(TOWN_ENDINGS)
        if not checker.acceptable(root):
            continue
        shape = rng.random()
        if shape < 0.40:
            name = root
        elif shape < 0.75:
            prefix = rng.choices([p for p, _ in TOWN_PREFIXES], [w for _, w in TOWN_PREFIXES])[0]
            name = f"{prefix} {root}" if rng.random() < 0.7 else f"{prefix} al-{root}"
        elif shape < 0.88:
            name = f"{root} {rng.choice(TOWN_SUFFIXES)}"
        else:
            name = f"Al-{root}"
        if not registry.key_free(name):
            continue
        aliases = []
        if rng.random() < 0.3:
            variant = variant_of(rng, name)
            if variant and registry.key_free(variant) and checker.new_words_ok(name, variant):
                aliases.append(variant)
        latitude, longitude = random_point_in_syria(rng)
        province = rng.choice(PROVINCES)
        kind_word = rng.choice(["Village", "Localité", "Bourgade", "Ville"])
        summary = (f"{kind_word} de la province {de_phrase(province)}, à {rng.randint(4, 80)} km "
                   f"{rng.choice(['au nord', 'au sud', 'à l’est', 'à l’ouest', 'au nord-est', 'au sud-ouest'])} "
                   f"du chef-lieu.")
        surfaces = [(name, "0f", 4.0)] + [(alias, "0f", 1.0) for alias in aliases]
        registry.add(Entity("towns", unique_id(registry, name), name, aliases, letter="T", surfaces=surfaces,
                            coordinates=(latitude, longitude), summary=summary))

    # Groups: real ones first (armed groups, organisations and authorities), then invented ones.
    real_groups = REAL_GROUPS[:group_count]
    for ident, name, aliases, letter, surfaces, summary, affiliation in real_groups:
        registry.add(Entity("groups", ident, name, aliases, letter=letter, surfaces=surfaces, summary=summary,
                            affiliation=affiliation, real=True))
    attempts = 0
    while sum(1 for e in registry.entities if e.kind == "groups") < group_count:
        attempts += 1
        if attempts > 200 * total + 10_000:
            raise SystemExit("cannot invent enough distinct group names; use fewer entities")
        entity = invent_group(rng, registry, checker)
        if entity:
            registry.add(entity)

    # People.
    group_ids = [e.id for e in registry.entities if e.kind == "groups"]
    for ident, name, aliases, surname, gender, role, affiliation in REAL_PEOPLE[:people_count]:
        if affiliation not in registry.by_id:
            affiliation = group_ids[len(registry.entities) % len(group_ids)]
        surfaces = [(name, "0" + gender, 1.0)]
        registry.add(Entity("people", ident, name, aliases, letter="P", surfaces=surfaces, gender=gender,
                            summary=f"{capitalize_first(role)}.", affiliation=affiliation, role=role,
                            surname=surname, real=True))
    attempts = 0
    while sum(1 for e in registry.entities if e.kind == "people") < people_count:
        attempts += 1
        if attempts > 200 * total + 10_000:
            raise SystemExit("cannot invent enough distinct person names; use fewer entities")
        entity = invent_person(rng, registry, checker, group_ids)
        if entity:
            registry.add(entity)

    # Affiliations of real groups that point outside a small registry are dropped.
    for entity in registry.entities:
        if entity.affiliation and entity.affiliation not in registry.by_id:
            entity.affiliation = None
    return registry


def de_phrase(name):
    return ("d'" if starts_with_vowel(name) else "de ") + name


def acronym_of(words):
    letters = [w[0] for w in words if w[:1].isupper()]
    return "".join(letters).upper()


def invent_group(rng, registry, checker):
    kind = rng.random()
    aliases = []
    if kind < 0.42:  # an Arabic name: Liwa al-Haqq
        head = rng.choice(ARABIC_GROUP_HEADS)
        name = f"{head} al-{rng.choice(ARABIC_GROUP_NOUNS)}"
        adjective = rng.choice(ARABIC_GROUP_ADJECTIVES)
        if adjective:
            name += " " + adjective
        if not registry.key_free(name):
            return None
        if rng.random() < 0.35:
            variant = variant_of(rng, name)
            if variant and registry.key_free(variant) and checker.new_words_ok(name, variant):
                aliases.append(variant)
        descriptor, code = rng.choice([("groupe rebelle", "m"), ("groupe jihadiste", "m"), ("milice", "f"),
                                       ("faction", "f"), ("groupe armé", "m")])
        surfaces = [(name, "0m", 3.0), (f"{descriptor} {name}", code, 1.0)]
        letter = "G"
        summary = (f"{capitalize_first(descriptor)} {'active' if code == 'f' else 'actif'} dans la région "
                   f"{rng.choice(['du nord-ouest', 'du centre', 'de l’est', 'du sud', 'côtière', 'désertique'])}, "
                   f"apparu{'e' if code == 'f' else ''} en {rng.randint(2011, 2020)}.")
    elif kind < 0.70:  # a French name: Brigade des Faucons du Houran
        head, code = rng.choice(FRENCH_GROUP_HEADS)
        descriptor = rng.choice(FRENCH_GROUP_NAMES)
        region = "" if descriptor in FRENCH_GROUP_PLACES else rng.choice(FRENCH_GROUP_REGIONS)
        name = " ".join(p for p in [head, descriptor, region] if p)
        if not registry.key_free(name):
            return None
        acronym = acronym_of(name.replace("l'", "").split())
        if len(acronym) >= 3 and rng.random() < 0.5 and registry.key_free(acronym) \
                and fold(acronym) not in checker.vocabulary:
            aliases.append(acronym)
        surfaces = [(name, code, 3.0)] + [(alias, code, 2.0) for alias in aliases]
        letter = "G"
        summary = (f"Formation armée {rng.choice(['loyaliste', 'rebelle', 'tribale', 'locale', 'prorégime'])} "
                   f"constituée en {rng.randint(2011, 2021)}.")
    elif kind < 0.88:  # an organisation: Association d'aide aux déplacés de la Ghouta
        head, code = rng.choice(ORG_HEADS)
        place = rng.choice(ORG_PLACES)
        name = " ".join(p for p in [head, rng.choice(ORG_PURPOSES), rng.choice(ORG_BENEFICIARIES), place] if p)
        if not registry.key_free(name):
            return None
        acronym = acronym_of([head] + [w for w in name.split()[1:] if len(w) > 3 and w not in ("aux", "pour")])
        if len(acronym) >= 3 and rng.random() < 0.6 and registry.key_free(acronym) \
                and fold(acronym) not in checker.vocabulary:
            aliases.append(acronym)
        surfaces = [(name, code, 2.0)] + [(alias, code, 3.0) for alias in aliases]
        letter = "O"
        summary = (f"ONG syrienne fondée en {rng.randint(2011, 2020)}, basée à "
                   f"{rng.choice(['Gaziantep', 'Beyrouth', 'Amman', 'Paris', 'Berlin', 'Istanbul'])}.")
    else:  # an authority: Mouvement démocratique pour la justice
        head, code = rng.choice(POLITICAL_HEADS)
        masculine, feminine = rng.choice(POLITICAL_ADJECTIVES)
        adjective = feminine if code == "f" else masculine
        name = f"{head} {adjective} {rng.choice(POLITICAL_AIMS)}"
        if not registry.key_free(name):
            return None
        acronym = acronym_of([head, adjective.capitalize()] + [w.capitalize() for w in name.split()[2:]
                                                                if len(w) > 3 and "'" not in w])
        if len(acronym) >= 3 and rng.random() < 0.7 and registry.key_free(acronym) \
                and fold(acronym) not in checker.vocabulary:
            aliases.append(acronym)
        surfaces = [(name, code, 2.0)] + [(alias, code, 2.0) for alias in aliases]
        letter = "A"
        summary = f"Formation politique syrienne créée en {rng.randint(2011, 2022)}."
    ident = unique_id(registry, name)
    return Entity("groups", ident, name, aliases, letter=letter, surfaces=surfaces, summary=summary)


def invent_person(rng, registry, checker, group_ids):
    gender = "f" if rng.random() < 0.22 else "m"
    first = rng.choice(FIRST_NAMES_F if gender == "f" else FIRST_NAMES_M)
    if rng.random() < 0.55:
        surname = rng.choice(SURNAMES)
    else:
        root = invented_root(rng, 2)
        if not checker.acceptable(root):
            return None
        surname = ("al-" + root) if rng.random() < 0.6 else root + rng.choice(["i", "a", "ani", ""])
    name = f"{first} {surname}"
    if not registry.key_free(name):
        return None
    aliases = []
    surname_alias = None
    bare = surname.removeprefix("al-")
    if rng.random() < 0.6 and registry.key_free(surname) and checker.acceptable(bare) \
            and bare not in FIRST_NAMES_M + FIRST_NAMES_F:
        surname_alias = surname
        aliases.append(surname)
    if rng.random() < 0.25:
        variant = variant_of(rng, name)
        if variant and registry.key_free(variant) and checker.new_words_ok(name, variant):
            aliases.append(variant)
    roles = rng.choice(PERSON_ROLES)
    role = roles[1] if gender == "f" else roles[0]
    affiliation = group_ids[int(rng.random() ** 2 * len(group_ids))]
    ident = unique_id(registry, name)
    return Entity("people", ident, name, aliases, letter="P", surfaces=[(name, "0" + gender, 1.0)], gender=gender,
                  summary=f"{capitalize_first(role)}.", affiliation=affiliation, role=role, surname=surname_alias)


# ---------------------------------------------------------------------------------------------------------------------
# Articles
# ---------------------------------------------------------------------------------------------------------------------

YEAR_WEIGHTS = {2012: 6, 2013: 9, 2014: 9, 2015: 10, 2016: 11, 2017: 10, 2018: 9, 2019: 7, 2020: 6, 2021: 4,
                2022: 3, 2023: 4, 2024: 5}
DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
# Popularity follows a Zipf-Mandelbrot law, weight 1 / (rank + q)^s: q flattens the head (several famous
# entities, not one), s makes a long tail (most entities in a handful of articles).
ZIPF_EXPONENT, ZIPF_OFFSET = 2.0, 8
# The main town and main armed group of an article, drawn by rank within their kind, a little flatter.
MAIN_EXPONENT, MAIN_OFFSET = 1.8, 6


def zipf(rank, exponent, offset):
    return 1 / (rank + offset) ** exponent


class Popularity:
    """Who gets mentioned: Zipf-Mandelbrot weights over the registry ranked by fame."""

    def __init__(self, rng, registry):
        # Real entities lead (they are the famous ones), in an order mixing the kinds; invented ones follow.
        real = [e for e in registry.entities if e.real]
        invented = [e for e in registry.entities if not e.real]
        real.sort(key=lambda e: (REAL_ORDER.get(e.id, 10_000), e.id))
        rng.shuffle(invented)
        self.ranked = real + invented
        self.rank = {e.id: index for index, e in enumerate(self.ranked)}
        self.pools = {}
        for letter in "TGOAP":
            members = [e for e in self.ranked if e.letter == letter]
            self.pools[letter] = (members, cumulative([zipf(self.rank[e.id], ZIPF_EXPONENT, ZIPF_OFFSET)
                                                       for e in members]))
        self.all = (self.ranked, cumulative([zipf(r, ZIPF_EXPONENT, ZIPF_OFFSET) for r in range(len(self.ranked))]))
        self.main = {letter: (members, cumulative([zipf(r, MAIN_EXPONENT, MAIN_OFFSET) for r in range(len(members))]))
                     for letter, (members, _) in self.pools.items()}

    @staticmethod
    def draw(rng, pool):
        members, totals = pool
        if not members:
            return None
        return members[bisect.bisect_right(totals, rng.random() * totals[-1])]


def cumulative(weights):
    totals, running = [], 0.0
    for weight in weights:
        running += weight
        totals.append(running)
    return totals


# The order of fame of the real entities (kinds interleaved): what the news names most.
REAL_ORDER = {ident: index for index, ident in enumerate([
    "etat-islamique", "damas", "alep", "bachar-al-assad", "osdh", "regime-syrien", "forces-democratiques-syriennes",
    "idleb", "homs", "armee-syrienne", "raqqa", "onu", "vladimir-poutine", "hayat-tahrir-al-cham", "deir-ezzor",
    "rami-abdel-rahmane", "hezbollah", "recep-tayyip-erdogan", "hama", "armee-syrienne-libre", "boukamal",
    "unites-de-protection-du-peuple", "douma", "kremlin", "kobane", "front-al-nosra", "palmyre", "abou-bakr-al-baghdadi",
    "casques-blancs", "deraa", "coalition-internationale", "manbij", "donald-trump", "afrine", "ahrar-al-cham",
    "staffan-de-mistura", "lattaquie", "maison-blanche", "tartous", "jaich-al-islam", "sergei-lavrov", "qamichli",
    "gardiens-de-la-revolution", "hassake", "abou-mohammed-al-jolani", "maaret-al-noomane", "hcr",
    "armee-nationale-syrienne", "mazloum-abdi", "harasta", "elysee", "barack-obama", "al-bab", "msf",
    "armee-russe", "jarablous", "emmanuel-macron", "azaz", "sana", "tal-abyad", "pkk", "geir-pedersen",
    "ras-al-ain", "oms", "saraqeb", "hassan-nasrallah", "akp", "khan-cheikhoun", "faylaq-al-rahmane", "mayadine",
    "antonio-guterres", "cicr", "tabqa", "coalition-nationale-syrienne", "qassem-soleimani", "jisr-al-choughour",
    "groupe-wagner", "soueida", "francois-hollande", "pyd", "daraya", "human-rights-watch", "zabadani",
    "asma-al-assad", "union-europeenne", "madaya", "zahran-allouche", "amnesty-international", "qousseir",
    "joe-biden", "administration-autonome-kurde", "rastane", "ligue-arabe", "salamiye", "ali-khamenei", "pam",
    "ariha", "maher-al-assad", "brigade-fatemiyoun", "yabroud", "raed-saleh", "bosra", "hadi-al-bahra", "nawa",
    "ilham-ahmed", "qardaha", "salih-muslim", "baniyas", "jableh", "masyaf", "sarmada", "tal-rifaat", "hajine",
    "baghouz", "chaddadi", "amouda", "qaryatayne", "sokhne", "kafranbel", "binnich", "atareb", "morek", "latamine",
    "ain-issa", "tal-tamr",
])}


class ArticleWriter:
    """Writes one article: picks its entities, then its sentences, and records every mention it writes."""

    def __init__(self, rng, registry, popularity):
        self.rng = rng
        self.registry = registry
        self.popularity = popularity

    # -- entities ---------------------------------------------------------------------------------------------------

    def pick_entities(self, count):
        rng, pop = self.rng, self.popularity
        chosen = []
        for letter in "TG":
            entity = pop.draw(rng, pop.main[letter])
            if entity and entity not in chosen:
                chosen.append(entity)
        towns = 1 + (rng.random() < 0.65) + (rng.random() < 0.35)
        guard = 0
        while sum(1 for e in chosen if e.letter == "T") < towns and guard < 50:
            guard += 1
            entity = pop.draw(rng, pop.pools["T"])
            if entity not in chosen:
                chosen.append(entity)
        guard = 0
        while len(chosen) < count and guard < count * 20:
            guard += 1
            entity = pop.draw(rng, pop.all)
            if entity not in chosen:
                chosen.append(entity)
        return chosen

    # -- rendering ----------------------------------------------------------------------------------------------------

    def render(self, template, bindings):
        self.last_surface = {}
        out = []
        self._render(template.nodes, bindings, out)
        return "".join(out)

    def _render(self, nodes, bindings, out):
        rng = self.rng
        for node in nodes:
            kind = type(node)
            if kind is str:
                out.append(node)
            elif kind is Alt:
                self._render(node.options[int(rng.random() * len(node.options))], bindings, out)
            elif kind is Slot:
                out.append(self.mention(bindings[node.key], node))
            elif kind is Agree:
                out.append(self.agree(node, bindings))
            else:
                out.append(self.token(node.name))

    def token(self, name):
        rng = self.rng
        if name == "n":
            return str(rng.randint(2, 40))
        if name == "nn":
            return str(rng.randint(40, 400))
        if name == "nb":
            return rng.choice(SPELLED)
        if name == "m":
            return str(rng.randint(2, 4))
        if name == "pct":
            return str(rng.randint(20, 90))
        if name == "jour":
            return rng.choice(WEEKDAYS)
        if name == "nuit":
            day = rng.randrange(7)
            return f"Dans la nuit de {WEEKDAYS[day]} à {WEEKDAYS[(day + 1) % 7]}"
        if name == "quote":
            return rng.choice(QUOTES)
        raise ValueError(name)

    def agree(self, node, bindings):
        entity = bindings[node.key]
        code = self.last_surface.get(node.key) or entity.surfaces[0][1]
        code = code.lstrip("0")
        plural = code.endswith("p")
        feminine = code.startswith("f")
        if len(node.forms) == 2:
            if entity.letter == "P":
                return node.forms[1 if feminine else 0]
            return node.forms[1 if plural else 0]
        return node.forms[(2 if plural else 0) + (1 if feminine else 0)]

    def mention(self, entity, slot):
        rng = self.rng
        if slot.form == "r":
            return entity.role
        self.counts[entity.id] = self.counts.get(entity.id, 0) + 1
        if entity.letter == "P":
            text = self.person_text(entity)
            self.last_surface[slot.key] = "0" + entity.gender
            code = "0" + entity.gender
        else:
            surfaces = entity.surfaces
            if len(surfaces) == 1:
                text, code, _ = surfaces[0]
            else:
                text, code, _ = rng.choices(surfaces, [s[2] for s in surfaces])[0]
            self.last_surface[slot.key] = code
        if "al-" in text and rng.random() < 0.08:
            text = text.replace("al-", "al ", 1)
        return with_article(text, code, slot.form)

    def person_text(self, entity):
        rng = self.rng
        if entity.id not in self.introduced:
            self.introduced.add(entity.id)
            variants = [a for a in entity.aliases if len(words_of(a)) >= 2]
            if variants and rng.random() < 0.12:
                return rng.choice(variants)
            return entity.name
        if entity.surname:
            roll = rng.random()
            if roll < 0.55:
                return ("Mme " if entity.gender == "f" else "M. ") + entity.surname
            if roll < 0.75 and entity.real:
                return entity.surname
        return entity.name

    # -- the article --------------------------------------------------------------------------------------------------

    def write(self, number):
        rng = self.rng
        target_words = int(rng.triangular(300, 880, 720))
        paragraphs = max(5, min(15, round(target_words / rng.uniform(42, 72))))
        count = max(3, min(18, int(rng.gauss(3 + target_words / 100, 2.2))))
        entities = self.pick_entities(count)
        for _ in range(50):
            body = self.compose(entities, target_words, paragraphs)
            if body is not None:
                break
            target_words = int(rng.triangular(300, 880, 720))
            paragraphs = max(5, min(15, round(target_words / rng.uniform(42, 72))))
        else:
            raise RuntimeError(f"article {number}: cannot compose a body within the bounds")
        text, title, counts, words, paragraph_count = body
        return text, title, counts, words, paragraph_count

    def compose(self, entities, target_words, paragraph_count):
        rng = self.rng
        self.counts = {}
        self.introduced = set()
        by_letter = {letter: [e for e in entities if e.letter == letter] for letter in "TGOAP"}
        available = {letter: len(members) for letter, members in by_letter.items()}

        def usable(pool):
            return [t for t in pool if all(available[letter] >= n for letter, n in t.needs.items())]

        body_pool = usable(BODY)
        free_pool = [t for t in body_pool if not t.needs]
        entity_pool = [t for t in body_pool if t.needs]
        pool_for = {letter: [t for t in entity_pool if letter in t.needs] for letter in "TGOAP"}
        main = {"T": by_letter["T"][0], "G": by_letter["G"][0]}
        # Mentions owed to each entity: about one per 28 words in all, the main ones (listed first) most.
        shares = [1 / (index + 1) ** 0.9 for index in range(len(entities))]
        budget = target_words / 24
        planned = {e.id: max(1, round(budget * share / sum(shares) * rng.uniform(0.7, 1.3)))
                   for e, share in zip(entities, shares)}

        def bind(template, first=None):
            bindings = {}
            for letter, needed in template.needs.items():
                members = list(by_letter[letter])
                picked = []
                if first is not None and first.letter == letter:
                    picked.append(first)
                    members.remove(first)
                # Prefer the entities still owed a mention, then the article's main ones.
                rng.shuffle(members)
                members.sort(key=lambda e: -(planned[e.id] - self.counts.get(e.id, 0)))
                picked.extend(members[: needed - len(picked)])
                for index, entity in enumerate(picked):
                    bindings[letter + (str(index + 1) if index else "")] = entity
            return bindings

        def sentence(template, first=None):
            used.add(id(template))
            return capitalize_first(self.render(template, bind(template, first)))

        used = set()

        def fresh(pool):
            """A template not used yet in this article (any, once they all are)."""
            for _ in range(8):
                template = pool[int(rng.random() * len(pool))]
                if id(template) not in used:
                    return template
            return template

        def saturated(template):
            """Every entity the template could name has had its share: pick something else."""
            for letter in template.needs:
                if all(self.counts.get(e.id, 0) >= planned[e.id] for e in by_letter[letter]):
                    return True
            return False

        def owed():
            return [e for e in entities if self.counts.get(e.id, 0) == 0]

        lead = rng.choice(usable(LEADS))
        paragraphs: list[list[str]] = [[sentence(lead, main["T"])]]
        words = len(paragraphs[0][0].split())
        quota = [max(12, int(target_words / paragraph_count * rng.uniform(0.6, 1.4)))
                 for _ in range(paragraph_count - 1)]
        for share in quota:
            paragraph = []
            paragraph_words = 0
            while paragraph_words < share or not paragraph:
                missing = owed()
                remaining = max(1, target_words - words)
                if missing and (rng.random() < 0.6 or remaining < 28 * len(missing)):
                    entity = missing[0]
                    text = sentence(fresh(pool_for[entity.letter]), entity)
                else:
                    template = fresh(entity_pool) if rng.random() < 0.7 else None
                    if template is None or saturated(template):
                        template = fresh(free_pool)
                    text = sentence(template)
                count = len(text.split())
                paragraph.append(text)
                paragraph_words += count
                words += count
            paragraphs.append(paragraph)
        # Whatever is still owed goes at the end of random paragraphs.
        for entity in owed():
            text = sentence(fresh(pool_for[entity.letter]), entity)
            rng.choice(paragraphs[1:]).append(text)
            words += len(text.split())

        blocks = [" ".join(p) for p in paragraphs]
        # Markdown: sometimes a quotation, a list, a sub-heading.
        if rng.random() < 0.3:
            quotes = usable(QUOTE_BLOCKS)
            text = "> " + sentence(rng.choice(quotes))
            blocks.insert(rng.randint(2, len(blocks) - 1), text)
            words += len(text.split()) - 1
        if rng.random() < 0.15:
            intro = sentence(rng.choice(LIST_INTROS))
            items = rng.sample(usable(LIST_ITEMS), rng.randint(3, 5))
            lines = ["- " + self.render(item, bind(item)) for item in items]
            blocks.insert(rng.randint(2, len(blocks) - 1), intro + "\n\n" + "\n".join(lines))
            words += len(intro.split()) + sum(len(line.split()) - 1 for line in lines)
        block_paragraphs = len(blocks)
        if rng.random() < 0.35:
            for _ in range(rng.choice([1, 1, 2])):
                heading = sentence(rng.choice(usable(HEADINGS)))
                blocks.insert(rng.randint(2, len(blocks) - 1), "## " + heading)
                words += len(heading.split())
        if rng.random() < 0.15:  # a dateline in bold, as some agencies print it
            blocks[0] = f"**{rng.choice(DATELINES)}** – {blocks[0]}"
            words += 2
        if not (300 <= words <= 900) or not (5 <= block_paragraphs <= 15):
            return None

        title_template = rng.choice(usable(TITLES))
        title_bindings = bind(title_template)
        for letter in "TG":
            if letter in title_bindings:
                title_bindings[letter] = main[letter]
        saved = dict(self.counts)
        title = capitalize_first(self.render(title_template, title_bindings))
        self.counts = saved   # mentions in titles are not counted: only the body's
        return "\n\n".join(blocks), title, dict(self.counts), words, block_paragraphs


def with_article(text, code, form):
    """`État islamique` written as the subject (`l'État islamique`), after de (`de l'État islamique`) or à."""
    no_article = code.startswith("0")
    number_gender = code.lstrip("0")
    plural = number_gender.endswith("p")
    vowel = starts_with_vowel(text)
    if no_article:
        if form == "d":
            return ("d'" if vowel else "de ") + text
        if form == "a":
            return "à " + text
        return text
    if plural:
        return {"": "les ", "d": "des ", "a": "aux "}[form] + text
    if vowel:
        return {"": "l'", "d": "de l'", "a": "à l'"}[form] + text
    if number_gender == "m":
        return {"": "le ", "d": "du ", "a": "au "}[form] + text
    return {"": "la ", "d": "de la ", "a": "à la "}[form] + text


def typography(rng, text):
    """House styles differ: curly apostrophes, guillemets with non-breaking spaces, capitals without accents."""
    if rng.random() < 0.3:
        text = text.replace("'", "’")
    style = rng.random()
    if style < 0.45:
        text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    elif style < 0.6:
        text = text.replace("« ", "\"").replace(" »", "\"")
    if rng.random() < 0.35:
        text = text.replace("É", "E").replace("À ", "A ")
    return text


# `*cessez-le-feu*`: the only emphasis the articles carry besides the bold dateline.
EMPHASIS = re.compile(r"\*([^*\n]+)\*")


def wire_copy(body: str, date: str, source: str, header: bool) -> str:
    """The article as an agency's wire copy, pasted as text: the same words, with the Markdown taken off.

    A sub-heading becomes a stand-alone `- … -` line, a quotation its plain line, emphasis and a bold dateline
    plain text; a list keeps its lines, each opening with `- ` as pasted bullets do. The date is a
    `date YYYY-MM-DD` header running on into the first paragraph (with `header`, and always for a month alone),
    else a closing `Première publication : DD/MM/YYYY`; the credit names the agencies.
    """
    blocks = []
    for block in body.split("\n\n"):
        if block.startswith("## "):
            block = f"- {block[3:]} -"
        elif block.startswith("> "):
            block = block[2:]
        blocks.append(EMPHASIS.sub(r"\1", block.replace("**", "")))
    agencies = source.split(" avec ", 1)[-1]
    closing = [f"Avec {agencies}"]
    if header or len(date) < 10:
        blocks[0] = f"date {date} {blocks[0]}"
    else:
        year, month, day = date.split("-")
        closing.append(f"Première publication : {day}/{month}/{year}")
    return "\n\n".join(blocks + closing) + "\n"


def article_date(rng):
    years = list(YEAR_WEIGHTS)
    year = rng.choices(years, [YEAR_WEIGHTS[y] for y in years])[0]
    month = rng.randint(1, 12)
    if rng.random() < 0.05:
        return f"{year}-{month:02d}", f"{year}-{month:02d}-01", True
    days = DAYS_IN_MONTH[month - 1] if not (month == 2 and year % 4) else 28
    day = rng.randint(1, days)
    return f"{year}-{month:02d}-{day:02d}", f"{year}-{month:02d}-{day:02d}", False


# ---------------------------------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------------------------------

KIND_TITLES = {"towns": "Villes", "groups": "Groupes et organisations", "people": "Personnes"}
TAXONOMY_KEYS = {"towns": "town", "groups": "group", "people": "person"}


def write_file(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as handle:
        handle.write(text)


def registry_yaml(registry):
    lines = [
        "# Registry of a synthetic benchmark dossier, written by bench/generate.py: towns, armed groups and",
        "# organisations, people. Real names lead; the others are invented. Do not edit: regenerate instead.",
    ]
    for kind in ("towns", "groups", "people"):
        lines.append("")
        lines.append(f"{kind}:")
        for entity in registry.entities:
            if entity.kind != kind:
                continue
            lines.append(f"  {entity.id}:")
            lines.append(f"    name: {yaml_string(entity.name)}")
            if entity.aliases:
                lines.append(f"    aliases: [{', '.join(yaml_string(a) for a in entity.aliases)}]")
            if entity.coordinates:
                lines.append(f"    coordinates: [{entity.coordinates[0]:.3f}, {entity.coordinates[1]:.3f}]")
            if entity.summary:
                lines.append(f"    summary: {yaml_string(entity.summary)}")
            if entity.affiliation:
                lines.append(f"    affiliation: {entity.affiliation}")
    return "\n".join(lines) + "\n"


def hugo_config(title):
    return "\n".join([
        'baseURL = "https://example.org/"',
        'locale = "fr"',
        'defaultContentLanguage = "fr"',
        f"title = {yaml_string(title)}",
        "",
        "[taxonomies]",
        '  town = "towns"',
        '  group = "groups"',
        '  person = "people"',
        "",
    ])


HUGO_LAYOUTS = {
    "baseof.html": """<!doctype html>
<html lang="fr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ if .IsHome }}{{ site.Title }}{{ else }}{{ .Title }} · {{ site.Title }}{{ end }}</title>
</head>
<body>
<header>
<a href="{{ "/" | relURL }}">{{ site.Title }}</a>
<nav>
{{- range slice "articles" "towns" "groups" "people" }}
{{- with site.GetPage (printf "/%s" .) }} <a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}
{{- end }}
</nav>
</header>
<main>
{{ block "main" . }}{{ end }}
</main>
</body>
</html>
""",
    "single.html": """{{ define "main" }}
<article>
<h1>{{ .Title }}</h1>
<p>
{{- if .Params.month_only }}<time datetime="{{ .Date.Format "2006-01" }}">{{ .Date | time.Format "January 2006" }}</time>
{{- else }}<time datetime="{{ .Date.Format "2006-01-02" }}">{{ .Date | time.Format "2 January 2006" }}</time>{{ end }}
{{- with .Params.source }} · {{ . }}{{ end }}</p>
{{ .Content }}
{{- range $taxonomy := slice "towns" "groups" "people" }}
{{- with $.GetTerms $taxonomy }}
<section>
<h2>{{ (site.GetPage (printf "/%s" $taxonomy)).Title }}</h2>
<ul>
{{- range . }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a></li>
{{- end }}
</ul>
</section>
{{- end }}
{{- end }}
</article>
{{ end }}
""",
    "list.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<p>{{ len .Pages }} articles</p>
{{- range .Pages.GroupByDate "2006" }}
<h2>{{ .Key }}</h2>
<ul>
{{- range .Pages.ByDate }}
<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{- end }}
{{ end }}
""",
    "terms.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
<ul>
{{- range .Pages.ByTitle }}
<li><a href="{{ .RelPermalink }}">{{ .LinkTitle }}</a> ({{ len .Pages }})</li>
{{- end }}
</ul>
{{ end }}
""",
    "term.html": """{{ define "main" }}
<h1>{{ .Title }}</h1>
{{- with .Params.names }}
<p>Aussi : {{ delimit . ", " }}</p>
{{- end }}
{{- with .Params.summary }}
<p>{{ . }}</p>
{{- end }}
{{- with .Params.coordinates }}
<p>Coordonnées : {{ index . 0 }}, {{ index . 1 }}</p>
{{- end }}
{{- with .Params.affiliation }}{{ with site.GetPage (printf "/groups/%s" .) }}
<p>Affiliation : <a href="{{ .RelPermalink }}">{{ .Title }}</a></p>
{{- end }}{{ end }}
<p>{{ len .Pages }} articles</p>
<ol>
{{- range .Pages.ByDate }}
<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ol>
{{ end }}
""",
    "home.html": """{{ define "main" }}
<h1>{{ site.Title }}</h1>
{{- $articles := where site.RegularPages "Section" "articles" }}
<p>{{ len $articles }} articles</p>
<h2>Derniers articles</h2>
<ul>
{{- range first 20 $articles.ByDate.Reverse }}
<li><time>{{ .Date.Format "2006-01-02" }}</time> <a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{- end }}
</ul>
{{- range $taxonomy := slice "towns" "groups" "people" }}
{{- with site.GetPage (printf "/%s" $taxonomy) }}
<h2>{{ .Title }}</h2>
{{- end }}
<ol>
{{- range first 10 (index site.Taxonomies $taxonomy).ByCount }}
<li><a href="{{ .Page.RelPermalink }}">{{ .Page.LinkTitle }}</a> ({{ .Count }})</li>
{{- end }}
</ol>
{{- end }}
{{ end }}
""",
}


def generate(articles: int, entity_count: int, seed: int, out: Path, quiet=False, mentions_file=None):
    checker = NameChecker(prose_vocabulary())
    registry = build_registry(random.Random(f"dossier-bench:{seed}:registry:{entity_count}"), entity_count, checker)
    popularity = Popularity(random.Random(f"dossier-bench:{seed}:popularity"), registry)

    dossier_dir, hugo_dir, wire_dir = out / "dossier", out / "hugo", out / "wire"
    prepare(out)
    title = f"Syrie 2012-2024 : corpus d'essai de {articles:,} articles".replace(",", "\u202f")
    description = "Dépêches synthétiques sur la guerre en Syrie, écrites par bench/generate.py pour mesurer les générateurs."
    write_file(dossier_dir / "dossier.yml", "\n".join([
        "# A synthetic benchmark dossier written by bench/generate.py.",
        f"title: {yaml_string(title)}",
        f"description: {yaml_string(description)}",
        "language: fr",
        "",
    ]))
    write_file(dossier_dir / "entities.yml", registry_yaml(registry))
    wire_dir.mkdir(parents=True, exist_ok=True)
    for name in ("dossier.yml", "entities.yml"):
        shutil.copyfile(dossier_dir / name, wire_dir / name)
    write_file(hugo_dir / "hugo.toml", hugo_config(title))
    for name, text in HUGO_LAYOUTS.items():
        write_file(hugo_dir / "layouts" / "_default" / name, text)
    write_file(hugo_dir / "content" / "articles" / "_index.md", '---\ntitle: "Articles"\n---\n')

    width = max(5, len(str(articles)))
    articles_of = {}        # entity id -> number of articles
    corpus_bytes = 0
    hugo_bytes = 0
    wire_bytes = 0
    words_total, words_min, words_max = 0, 10 ** 9, 0
    month_only = 0
    markdown = {"heading": 0, "list": 0, "quote": 0, "emphasis": 0}
    expected = {}           # article file -> {entity id: mentions written}
    for number in range(1, articles + 1):
        rng = random.Random(f"dossier-bench:{seed}:article:{number}")
        writer = ArticleWriter(rng, registry, popularity)
        body, title_text, counts, words, _ = writer.write(number)
        body = typography(rng, body)
        title_text = typography(rng, title_text)
        date, hugo_date, partial = article_date(rng)
        source = rng.choices([s for s, _ in SOURCES], [w for _, w in SOURCES])[0]
        month_only += partial
        words_total += words
        words_min, words_max = min(words_min, words), max(words_max, words)
        markdown["heading"] += "\n## " in body
        markdown["list"] += "\n- " in body
        markdown["quote"] += "\n> " in body
        markdown["emphasis"] += "*" in body.replace("**", "")
        name = f"{number:0{width}d}-{slugify(title_text, 56)}.md"
        head = ["---", f"title: {yaml_string(title_text)}", f"date: {date}", f"source: {yaml_string(source)}"]
        article_text = "\n".join(head + ["---", "", body, ""])
        write_file(dossier_dir / "articles" / name, article_text)
        corpus_bytes += len(article_text.encode("utf-8"))
        expected[f"articles/{name}"] = dict(sorted(counts.items()))
        mentioned = {kind: [] for kind in ("towns", "groups", "people")}
        for ident in sorted(counts):
            mentioned[registry.by_id[ident].kind].append(ident)
            articles_of[ident] = articles_of.get(ident, 0) + 1
        hugo_head = ["---", f"title: {yaml_string(title_text)}", f"date: {hugo_date}"]
        if partial:
            hugo_head.append("month_only: true")
        hugo_head.append(f"source: {yaml_string(source)}")
        for kind, idents in mentioned.items():
            if idents:
                hugo_head.append(f"{kind}: [{', '.join(idents)}]")
        hugo_text = "\n".join(hugo_head + ["---", "", body, ""])
        write_file(hugo_dir / "content" / "articles" / name, hugo_text)
        hugo_bytes += len(hugo_text.encode("utf-8"))
        # Drawn from its own generator, so that the other two corpora stay as they were.
        header = random.Random(f"dossier-bench:{seed}:wire:{number}").random() < 0.5
        wire_text = wire_copy(body, date, source, header)
        write_file(wire_dir / "articles" / (name[:-3] + ".txt"), wire_text)
        wire_bytes += len(wire_text.encode("utf-8"))
        if not quiet and number % 5000 == 0:
            print(f"  … {number:,} articles", file=sys.stderr)

    # Hugo: a page per kind and per mentioned entity (a term page with the entity's fields).
    for kind in ("towns", "groups", "people"):
        write_file(hugo_dir / "content" / kind / "_index.md", f"---\ntitle: {yaml_string(KIND_TITLES[kind])}\n---\n")
    for entity in registry.entities:
        if entity.id not in articles_of:
            continue
        head = ["---", f"title: {yaml_string(entity.name)}"]
        if entity.aliases:
            head.append(f"names: [{', '.join(yaml_string(a) for a in entity.aliases)}]")
        if entity.summary:
            head.append(f"summary: {yaml_string(entity.summary)}")
        if entity.coordinates:
            head.append(f"coordinates: [{entity.coordinates[0]:.3f}, {entity.coordinates[1]:.3f}]")
        if entity.affiliation:
            head.append(f"affiliation: {entity.affiliation}")
        write_file(hugo_dir / "content" / entity.kind / entity.id / "_index.md", "\n".join(head + ["---", ""]))

    mentioned_by_kind = {kind: sum(1 for e in registry.entities if e.kind == kind and e.id in articles_of)
                         for kind in ("towns", "groups", "people")}
    spread = sorted(articles_of.values(), reverse=True)
    summary = {
        "generator_version": GENERATOR_VERSION,
        "generator_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "complete": True,
        "articles": articles,
        "entities": entity_count,
        "seed": seed,
        "registered": {kind: sum(1 for e in registry.entities if e.kind == kind) for kind in mentioned_by_kind},
        "mentioned": mentioned_by_kind,
        "corpus_bytes": corpus_bytes,
        "hugo_content_bytes": hugo_bytes,
        "wire_bytes": wire_bytes,
        "words": {"mean": round(words_total / articles, 1), "min": words_min, "max": words_max},
        "month_only_dates": month_only,
        "markdown_articles": markdown,
        "articles_per_entity": {
            "max": spread[0] if spread else 0,
            "top5": [(registry.by_id[i].name, n) for i, n in
                     sorted(articles_of.items(), key=lambda item: (-item[1], item[0]))[:5]],
            "median": spread[len(spread) // 2] if spread else 0,
            "in_1000_or_more": sum(1 for n in spread if n >= 1000),
            "in_5_or_fewer": sum(1 for n in spread if n <= 5),
        },
    }
    write_file(out / MARKER, json.dumps(summary, ensure_ascii=False, indent=2) + "\n")
    if mentions_file:
        write_file(Path(mentions_file), json.dumps(expected, ensure_ascii=False, indent=1) + "\n")
    return summary


def prepare(out: Path):
    """Clears a previous corpus in `out`; refuses to touch a folder that holds anything else."""
    if out.exists():
        leftovers = [p.name for p in out.iterdir() if p.name not in ("dossier", "hugo", "wire", MARKER)]
        if leftovers or (any(out.iterdir()) and not (out / MARKER).exists()):
            raise SystemExit(f"{out} holds files this generator did not write ({', '.join(leftovers[:3]) or '…'}); "
                             "choose an empty or new folder")
        for name in ("dossier", "hugo", "wire"):
            shutil.rmtree(out / name, ignore_errors=True)
    out.mkdir(parents=True, exist_ok=True)
    # Marks the folder as this generator's at once, so an interrupted run can be replaced by the next one.
    write_file(out / MARKER, json.dumps({"generator_version": GENERATOR_VERSION, "complete": False}) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Write a deterministic synthetic corpus of French wire copy about Syria as a dossier folder "
                    "(OUT/dossier), as a Hugo site with the same article bodies (OUT/hugo) and as the same dossier in "
                    "raw wire copy (OUT/wire).",
        epilog="Example: python3 bench/generate.py --articles 1000 --seed 1 --out /tmp/corpus-1000\n"
               "Then:    dossier build /tmp/corpus-1000/dossier --output /tmp/site\n"
               "         hugo --quiet -s /tmp/corpus-1000/hugo -d /tmp/site-hugo\n"
               "The same arguments always give byte-identical files. OUT/corpus.json records the figures.",
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, required=True, metavar="N", help="number of articles to write")
    parser.add_argument("--entities", type=int, default=500, metavar="M",
                        help="entities in the registry, split about 42%% towns, 28%% groups, 30%% people "
                             "(default 500)")
    parser.add_argument("--seed", type=int, default=1, metavar="S", help="random seed (default 1)")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR",
                        help="output folder; a corpus already there is replaced, other files are refused")
    parser.add_argument("--mentions", metavar="FILE",
                        help="also write, as JSON, every mention the generator wrote: {article file: {entity id: "
                             "count}}, to check a linker against (dossier.json holds what dossier found)")
    parser.add_argument("--quiet", action="store_true", help="print nothing")
    args = parser.parse_args(argv)
    if args.articles < 1:
        parser.error("--articles must be at least 1")
    if args.entities < 10:
        parser.error("--entities must be at least 10")
    summary = generate(args.articles, args.entities, args.seed, args.out, quiet=args.quiet, mentions_file=args.mentions)
    if not args.quiet:
        mentioned = summary["mentioned"]
        print(f"Wrote {summary['articles']:,} articles ({summary['corpus_bytes'] / 1e6:.1f} MB of Markdown, "
              f"{summary['words']['mean']:.0f} words on average) and {summary['entities']} entities "
              f"({sum(mentioned.values())} mentioned) to {args.out}/dossier, {args.out}/hugo and {args.out}/wire")


if __name__ == "__main__":
    main()
