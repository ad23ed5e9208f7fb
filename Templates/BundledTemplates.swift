import Foundation

/// The default templates and assets shipped with dossier (this folder's `default/`).
public enum BundledTemplates {
    /// The folder holding `*.mustache` and `assets/`.
    public static var folder: URL? {
        Bundle.module.url(forResource: "default", withExtension: nil)
    }
}
