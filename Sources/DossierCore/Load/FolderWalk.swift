import Foundation

/// What one walk of a dossier folder found, before any file is read: the article files with their stamps, the
/// problems of the tree itself, and a digest of every file in it. A build takes it twice over: the check that
/// nothing changed compares the digest, and the load reads the articles it lists, so that the tree is walked
/// once (ten thousand `stat`s, 30 ms), not once for each.
public struct FolderWalk: Sendable {
    /// An article's file as the walk found it: its path, its path in the dossier, its stamp then.
    struct Candidate: Sendable {
        var path: String
        var relative: String
        var stamp: FileStamp
    }

    /// The `.txt` and `.md` files, sorted by path within each folder; hidden files and `templates/` left out.
    var candidates: [Candidate] = []
    /// Links that lead nowhere or back up the tree, pipes, names that are not UTF-8, folders that cannot be listed.
    var diagnostics: [Diagnostic] = []
    /// Every file met (the settings, `templates/`, any other file) by path, size and modification time, and where
    /// a link leads nowhere or a name is not a file: what a build with nothing changed finds again.
    var digest = FileTreeDigest()

    /// The folder walked, as a path with its links resolved: a build handed a walk checks that it is its folder's.
    private(set) var root = ""

    /// Walks `folder`; a folder that cannot be listed becomes a diagnostic.
    public static func walking(_ folder: URL) -> FolderWalk {
        var walk = FolderWalk()
        walk.root = root(of: folder)
        var visited: Set<String> = []
        walk.visit(walk.root, relative: "", articles: true, visited: &visited)
        return walk
    }

    /// The path a walk of `folder` has as its `root`.
    static func root(of folder: URL) -> String { folder.standardizedFileURL.resolvingSymlinksInPath().path }

    /// One folder and, depth first, the folders in it. Under `templates/` (`articles: false`) files only go into
    /// the digest, and problems are the template loader's to report.
    private mutating func visit(_ directory: String, relative: String, articles: Bool, visited: inout Set<String>) {
        // Paths are plain strings here: Foundation's URL costs more than the `stat` itself, ten thousand times over.
        let real = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        guard visited.insert(real).inserted else {
            if articles {
                diagnostics.append(
                    .warning("symlink-loop", "the folder is reached twice through a link and is read once",
                        file: SourcePath(relative),
                        suggestion: "remove the link, or point it at a folder outside the dossier"))
            }
            return
        }
        guard let (names, notUTF8) = FileKind.names(in: directory) else {
            if articles {
                diagnostics.append(
                    .error("folder-unreadable", "cannot list the folder", file: SourcePath(relative),
                        suggestion: "give the user who builds the dossier the right to list it (chmod a+rx)"))
            }
            return
        }
        for name in notUTF8.sorted() where !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            digest.add(path: path, size: Self.notAFile)
            if articles {
                diagnostics.append(
                    .warning("file-name-not-utf8", "the name is not UTF-8, so it is skipped", file: SourcePath(path),
                        suggestion: "rename it in UTF-8, e.g. `convmv -f latin1 -t utf8 --notest FILE`"))
            }
        }
        let visible = names.filter { !$0.hasPrefix(".") }.sorted()
        for (name, kind) in zip(visible, FileKind.of(visible, in: directory)) {
            let path = relative.isEmpty ? name : relative + "/" + name
            switch kind {
            case .missing:
                continue
            case .brokenLink:
                digest.add(path: path, size: Self.notAFile)
                if articles { diagnostics.append(DossierLoader.brokenLink(SourcePath(path))) }
            case .directory:
                let isTemplates = relative.isEmpty && name == DossierLoader.templateFolder
                visit(directory + "/" + name, relative: path, articles: articles && !isTemplates, visited: &visited)
            case .special:
                digest.add(path: path, size: Self.notAFile)
                // Reading a pipe would wait forever for a writer.
                if articles {
                    diagnostics.append(
                        .warning("file-not-regular", "not a regular file (a pipe, socket or device) and is skipped",
                            file: SourcePath(path), suggestion: "move it out of the dossier folder"))
                }
            case .regular(let stamp):
                digest.add(path: path, size: stamp.size, modified: Int(stamp.modified))
                if articles && isArticleName(name) {
                    candidates.append(Candidate(path: directory + "/" + name, relative: path, stamp: stamp))
                }
            }
        }
    }

    /// The size a name that is not a readable file is digested with: its coming or going changes the warnings.
    private static let notAFile = -1
}
