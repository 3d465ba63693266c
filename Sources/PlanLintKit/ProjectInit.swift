import SourceText

/// `planlint init`: a new repository's first files — a commented plan@2 skeleton with its
/// schema modeline, the schema beside it for editors, and a `.planlint.yaml` that uses the
/// rules built into planlint — which lint clean at once. It asks nothing and overwrites
/// nothing: when one of the files exists, nothing is written.
public enum ProjectInit {
    /// One file `init` writes: its name in the folder, and its text.
    public struct File: Sendable, Equatable {
        public var name: String
        public var text: String
    }

    /// What happened.
    public enum Outcome: Sendable, Equatable {
        /// These files were written (paths as given).
        case written([String])
        /// Nothing was written: these files exist already.
        case exists([String])
        /// Nothing more was written: why (a folder that cannot be written, …).
        case failed(String)
    }

    /// The files, in the order they are written (the configuration last, so that a folder
    /// with a `.planlint.yaml` always has the plan it names).
    public static var files: [File] {
        [File(name: "plan.yaml", text: skeleton),
         File(name: "plan.schema.yaml", text: BuiltinResources.schema("plan@2")?.text ?? ""),
         File(name: ".planlint.yaml", text: configuration)]
    }

    /// Writes the files into `directory` (atomically each), unless one of them exists.
    public static func run(directory: String) -> Outcome {
        let folder = directory.hasSuffix("/") ? String(directory.dropLast()) : directory
        let paths = files.map { folder.isEmpty || folder == "." ? $0.name : folder + "/" + $0.name }
        guard PathKind(atPath: folder.isEmpty ? "." : folder) == .directory else { return .failed(FrontendMessage.notAFolder(["path": directory])) }
        let existing = paths.filter { PathKind(atPath: $0) != .missing }
        if !existing.isEmpty { return .exists(existing) }
        var written: [String] = []
        for (file, path) in zip(files, paths) {
            do {
                try AtomicFile.write(file.text, to: path)
            } catch {
                return .failed(written.isEmpty ? FrontendMessage.cannotWrite(["path": path, "reason": error])
                    : FrontendMessage.initCannotWriteAfter(["path": path, "reason": error, "written": written.joined(separator: ", ")]))
            }
            written.append(path)
        }
        return .written(written)
    }

    /// `.planlint.yaml`.
    static let configuration = #"""
# planlint's configuration (written by `planlint init`; see `planlint help check`).
# `planlint check` lints the plans in this folder with the rules built into planlint, which
# check any plan@2 file from its own declarations, and against the plan@2 schema.
extends: planlint:recommended
# The schema file beside the plans is for editors; it is not a plan.
exclude: ["*.schema.yaml"]
"""#

    /// `plan.yaml`: every construct once, consistent, so that it lints clean.
    static let skeleton = #"""
# yaml-language-server: $schema=plan.schema.yaml
#
# A plan review transcribed for planlint (plan format 2). Written by `planlint init` as a
# starting point: replace the example values with the review's own, exactly as printed
# (Docs/plan-format.md in planlint's repository explains every key with a worked example).
# - Text as printed: full-width and half-width characters as in the document.
# - Numbers as printed, even when they do not add up: planlint reports what disagrees.
# - Percentages without the % sign (52% → 52), with their printed decimals (100.0% → 100.0).
# - Fiscal years as Western years: 令和5年度 → 2023 (令和 + 2018), 平成27年度 → 2015 (平成 + 1988).
# `planlint check` lints this file; your editor completes every key through plan.schema.yaml.

format: planlint/plan@2

# The review's outline: its title and publisher as printed, and the fiscal years it covers.
plan:
  title: 令和5年度施策評価
  publisher: 〇〇市
  period: {start: 2023, end: 2023, printed: 令和5年度}
  # year_notes: {end: 終了, start: 開始}   # the words of notes that give a node's years

# Each evaluation scale, declared once with its legend (凡例) as printed. Grades defined by an
# achievement rate get their band: min (以上), above (超), max (以下), below (未満).
scales:
  評価:
    symbols:
      A: {means: 100%以上, min: 100}
      B: {means: 80%以上100%未満, min: 80, below: 100}
      C: {means: 80%未満, below: 80}

# The hierarchy's levels, outermost first; a level may name the scale its nodes are graded on.
levels:
  - 政策
  - {name: 施策, scale: 評価}

# The hierarchy as printed: number, name, department, mark or grade, notes; children in nodes.
nodes:
  - number: 1
    name: 政策の名称
    nodes:
      - number: 1
        name: 施策の名称
        department: 担当課
        mark: A
        # indicators:                       # KPIs of this node
        #   - name: 指標の名称
        #     unit: 件
        #     direction: up                 # up: higher is better; down: lower is better
        #     years:
        #       - {fy: 2023, target: 100, actual: 104, rate: 104.0, grade: A}
      - number: 2
        name: 施策の名称
        department: 担当課
        mark: B

# Each printed table: columns declared once, then each row as printed (its name, then its cells).
tables:
  - name: 施策評価の結果
    scale: 評価
    label: 評価
    columns:
      - {name: 施策数, counts: 施策}
      - {name: 割合, kind: share, of: 施策数, precision: 1}
    total: 計
    rows:
      - [A, 1, 50.0]
      - [B, 1, 50.0]
      - [C, 0, 0.0]
      - [計, 2, 100.0]
  # A table of amounts says its unit, how it was rounded and what its symbols mean:
  # - name: 事業費
  #   unit: 千円
  #   rounding: down                        # half-up | down | up | unknown | exact
  #   symbols: {＊: {means: 千円未満, above: 0, below: 1}}
  #   columns: [予算額, 決算額]
  #   total: 合計
  #   rows:
  #     - [政策の名称, 1200, 1080]
  #     - [合計, 1200, 1080]

# Figures stated in the text, each pointing at what it counts.
stated:
  - {printed: 全2施策, count: 2, of: 施策}
"""#
}
