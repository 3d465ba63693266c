// Generated from the repository's Rules/*.yaml and Plans/*.schema.yaml by
// Tests/CLITests/EmbeddedFilesTests.swift; do not edit. After changing those files:
//   PLANLINT_RECORD=1 swift test --filter EmbeddedFilesTests
// These are the texts of planlint:recommended, planlint:plan@2 and planlint:plan@1.
enum EmbeddedFiles {
    static let files: [(path: String, text: String)] = [
        (path: "Plans/plan.schema.yaml", text: #"""
$schema: https://json-schema.org/draft/2020-12/schema
$id: planlint:plan@2
title: planlint plan file (planlint/plan@2)
description: >-
  計画の評価・総括の入力様式（第2版）。
  A public body's plan review transcribed into YAML as printed: the plan's outline, the
  evaluation scales it uses (declared once), the hierarchy of its policies and projects (named
  levels of any depth), indicators, its printed tables (rows of cells under named columns) and
  the figures its prose states. This schema checks structure only — required keys, types and
  unknown keys. Whether the figures agree (tallies, totals within rounding, shares, grades
  against their bands, yearly counts, stated figures) is checked by planlint's bundled rules
  (`extends: planlint:recommended`). See Docs/plan-format.md.
$comment: >-
  Attach in an editor with a first line `# yaml-language-server: $schema=plan.schema.yaml`
  (`planlint schema plan@2 > plan.schema.yaml` writes this file). Keys are ASCII snake_case;
  names, symbols and text are written as printed.
type: object
additionalProperties: false
required: [format, plan]
properties:
  format:
    title: 様式 (format)
    description: 様式の識別子。常に planlint/plan@2。 The format identifier; always planlint/plan@2.
    const: planlint/plan@2

  plan:
    title: 計画の概要 (plan outline)
    description: 計画名・発行者・期間・目標（印刷どおり）。 The plan's title, publisher, period and goals, as printed.
    type: object
    additionalProperties: false
    required: [title]
    properties:
      title:
        title: 計画名 (plan title)
        description: 計画・評価の名称（印刷どおり）。 The plan's (or the review's) name as printed.
        $ref: '#/$defs/text'
        examples: [みやぎＩＣＴ推進プラン（２０１４～２０１６）]
      document:
        title: 文書名 (document title)
        description: 転記元の文書の表題（印刷どおり）。 Title of the document transcribed.
        $ref: '#/$defs/text'
      publisher:
        title: 発行者 (publisher)
        description: 文書を公表した団体。 The public body that published the document.
        $ref: '#/$defs/text'
        examples: [宮城県, 聖籠町]
      source:
        title: 出典 (source)
        description: 転記元の所在（URL など）。 Where the transcribed document was found (a URL, a file name).
        $ref: '#/$defs/text'
      period:
        title: 計画期間 (period)
        description: >-
          計画・評価の対象年度。年度は西暦の年度で書く（平成＋1988，令和＋2018）。
          The fiscal years the plan (or the evaluated projects) cover, as Western fiscal years.
          A node without `start`/`end` runs the whole period.
        type: object
        additionalProperties: false
        required: [start, end]
        properties:
          start:
            title: 開始年度 (first fiscal year)
            $ref: '#/$defs/fiscal_year'
          end:
            title: 終了年度 (last fiscal year)
            $ref: '#/$defs/fiscal_year'
          printed:
            title: 印刷表記 (as printed)
            description: 期間の印刷どおりの表記。 The period as printed.
            $ref: '#/$defs/text'
      goals:
        title: 目標 (goals)
        description: >-
          見出しごとの目標の一覧（例：基本目標，重点目標）。見出しは印刷どおり，目標は印刷順。
          Printed goals under their printed heading (基本目標, 重点目標 …), in printed order.
          A stated count such as ５つの重点目標 points here with `of: {goals: 重点目標}`.
        type: object
        minProperties: 1
        additionalProperties:
          type: array
          minItems: 1
          items: {$ref: '#/$defs/text'}
        examples:
          - {基本目標: [ＩＣＴでつなぐ復興への力], 重点目標: [安全・安心なくらし, 行政運営の最適化]}
      year_notes:
        title: 年度を示す注記 (notes that give a node's years)
        description: >-
          ※注記のうち，事業の終了年度・開始年度を示す語。例：{end: 終了, start: 開始}。
          The words that make a printed ※ note say when a node ended (`end`) or started
          (`start`). A node whose note contains the word must have that year as its `end` or
          `start`; a node shorter than the period needs such a note.
        type: object
        additionalProperties: false
        minProperties: 1
        properties:
          end:
            title: 終了を示す語 (word for "ended")
            $ref: '#/$defs/text'
            examples: [終了]
          start:
            title: 開始を示す語 (word for "started")
            $ref: '#/$defs/text'
            examples: [開始]
      notes:
        title: 注記 (notes)
        description: 文書全体にかかる注記（印刷どおり）。 Notes that apply to the whole document, verbatim.
        $ref: '#/$defs/text_list'

  scales:
    title: 評価の尺度 (evaluation scales)
    description: >-
      文書が使う評価記号・評語の一覧。尺度ごとに一度だけ宣言し，以後は記号を印刷どおりに書く。
      Each evaluation scale the document uses, declared once under a name: its symbols or
      grades and what each means (凡例), optionally with the achievement-rate band of each
      grade. Nodes, indicators and tables then use the symbols as printed.
    type: object
    minProperties: 1
    additionalProperties: {$ref: '#/$defs/scale'}
    examples:
      - 自己評価: {symbols: {◎: 計画以上の進捗, ○: 計画どおり実施}}

  levels:
    title: 階層 (hierarchy levels)
    description: >-
      階層の名称を外側から順に（例：分野，項目，事業／政策，施策，事業）。`nodes` の深さ1が最初の階層。
      The names of the hierarchy's levels, outermost first (分野 → 項目 → 事業, 政策 → 施策 → 事業 …).
      Depth 1 of `nodes` is the first level. A level may name the scale its nodes are evaluated on.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/level'}
    examples:
      - [分野, 項目, {name: 事業, scale: 自己評価}]

  nodes:
    title: 階層の項目 (the hierarchy)
    description: >-
      階層の最上位の項目（分野・政策など）。各項目は下位の項目を `nodes` に持つ。
      The top-level nodes of the hierarchy, in printed order; each holds its children in `nodes`.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/node'}

  indicators:
    title: 指標 (indicators)
    description: >-
      階層に属さない成果指標・KPI（階層の項目に属する指標はその項目の `indicators` に書く）。
      Stand-alone indicators (KPIs). Indicators of a node go into that node's `indicators`.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/indicator'}

  tables:
    title: 表 (tables)
    description: >-
      印刷された表。行は印刷どおりのセルの並び，列は一度だけ宣言する。
      Each printed table: its unit, rounding and symbols, its columns (declared once) and its
      rows written as printed — one list of cells per row, the row's name first.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/table'}

  stated:
    title: 本文記載の数値 (figures stated in the prose)
    description: >-
      本文に書かれた件数・割合。それぞれ何を数えたものかを `of` で示す。
      Counts and percentages the prose states (全１０２事業, ９分野計２０項目, 96件の48.8%), each
      pointing at what it counts.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/stated'}

$defs:
  text:
    title: 文字列 (text)
    description: 空でない文字列。印刷どおりに書く。 A non-empty string, written as printed.
    type: string
    minLength: 1

  text_list:
    type: array
    minItems: 1
    items: {$ref: '#/$defs/text'}

  count:
    title: 件数 (count)
    description: 0以上の整数（桁区切りのコンマは付けない）。 A whole number ≥ 0, without separators.
    type: integer
    minimum: 0

  fiscal_year:
    title: 年度 (fiscal year)
    description: >-
      西暦の年度（4月始まりの年度の西暦年）。平成N年度 = N + 1988，令和N年度 = N + 2018。
      Western fiscal year: 平成27年度 → 2015, 令和2年度 → 2020.
    type: integer
    minimum: 1900
    maximum: 2100
    examples: [2014]

  name_ref:
    title: 名前 (a name declared elsewhere)
    description: 文書内で宣言した名前（階層・尺度・列など）。 A name declared elsewhere in the file.
    type: string
    minLength: 1

  bounds:
    title: 範囲 (bounds)
    description: >-
      数の範囲。min（以上），above（超），max（以下），below（未満）。書かない側は限りなし。
      An interval: `min` (≥) or `above` (>) for the lower end, `max` (≤) or `below` (<) for the
      upper end; a missing end is unbounded. `{min: 80, max: 99}` is 80–99 inclusive,
      `{below: 80}` is under 80, `{above: 0, below: 1}` is more than 0 and less than 1.
    type: object
    properties:
      min:
        title: 以上 (at least)
        type: number
      above:
        title: 超 (more than)
        type: number
      max:
        title: 以下 (at most)
        type: number
      below:
        title: 未満 (less than)
        type: number
    not:
      anyOf:
        - required: [min, above]
        - required: [max, below]

  scale:
    title: 尺度 (scale)
    type: object
    additionalProperties: false
    required: [symbols]
    properties:
      title:
        title: 表題 (title)
        description: 尺度の名称（印刷どおり）。 The scale's printed name, e.g. 自己評価, 達成度.
        $ref: '#/$defs/text'
      symbols:
        title: 記号・評語 (symbols or grades)
        description: >-
          記号（◎○△×－，A～D，S～C，1～5 など）とその意味（凡例，印刷どおり）。印刷順に書く。
          Each symbol or grade, in printed order, with its meaning as printed (凡例): either
          the text alone, or a mapping with `means` and the grade's band on the achievement
          rate (`min`/`above`, `max`/`below`). A symbol whose meaning is not printed may be
          left empty.
        type: object
        minProperties: 1
        propertyNames: {minLength: 1}
        additionalProperties:
          anyOf:
            - {type: 'null'}
            - $ref: '#/$defs/text'
            - $ref: '#/$defs/grade'
        examples:
          - {◎: 計画以上の進捗，目標以上の成果があった, ○: 計画どおり実施, －: 評価困難}
          - {A: {means: 100%以上, min: 100}, B: {means: 80〜99%, min: 80, max: 99}, C: {means: 80%未満, below: 80}}
      rate:
        title: 達成率 (achievement rate)
        description: >-
          評語の帯が対象とする率（%）と，指標の実績・目標からの計算方法。
          What the grades' bands are bands of (a percentage), and how the rate follows from an
          indicator's target and actual: `ratio` (actual ÷ target × 100 when higher is better,
          target ÷ actual × 100 when lower is better) or `progress` ((actual − baseline) ÷
          (target − baseline) × 100).
        type: object
        additionalProperties: false
        properties:
          name:
            title: 名称 (name)
            $ref: '#/$defs/text'
            examples: [達成率]
          formula:
            title: 計算方法 (formula)
            enum: [ratio, progress]
            default: ratio
          rounding:
            title: 端数処理 (rounding of the printed rate)
            $ref: '#/$defs/rounding'
      notes:
        title: 注記 (notes)
        $ref: '#/$defs/text_list'

  grade:
    title: 評語 (grade with a band)
    type: object
    additionalProperties: false
    properties:
      means:
        title: 意味 (meaning, as printed)
        description: 凡例の印刷どおりの文言（例：100%以上，80〜99%）。 The legend's words, as printed.
        $ref: '#/$defs/text'
      min: {title: 以上 (rate at least), type: number}
      above: {title: 超 (rate more than), type: number}
      max: {title: 以下 (rate at most), type: number}
      below: {title: 未満 (rate less than), type: number}
    not:
      anyOf:
        - required: [min, above]
        - required: [max, below]

  level:
    title: 階層 (level)
    description: 階層名（例：分野），または名前と尺度などの宣言。 A level's name, or a mapping declaring it.
    anyOf:
      - $ref: '#/$defs/text'
      - type: object
        additionalProperties: false
        required: [name]
        properties:
          name:
            title: 階層名 (level name)
            description: 印刷どおり（分野，施策，事業 …）。 As printed.
            $ref: '#/$defs/text'
          scale:
            title: 尺度 (scale)
            description: この階層の項目の `mark` が属する尺度（`scales` の名前）。 The scale of this level's marks.
            $ref: '#/$defs/name_ref'
          title:
            title: 一覧の表題 (title of the list)
            description: この階層の一覧に印刷された表題。 The title printed over the list of this level's nodes.
            $ref: '#/$defs/text'

  node:
    title: 項目 (node)
    description: 階層の一つの項目（分野・施策・事業 など）。 One node of the hierarchy (a field, a policy, a project …).
    type: object
    additionalProperties: false
    required: [name]
    properties:
      number:
        title: 番号 (number)
        description: 同じ親の中での番号（印刷どおり，通常1から）。 Its number among its siblings, as printed (usually 1, 2, 3 …).
        anyOf:
          - {type: integer, minimum: 0}
          - $ref: '#/$defs/text'
      name:
        title: 名称 (name)
        description: 印刷どおり。括弧内の担当課は department へ。 As printed; the department in brackets goes into `department`.
        $ref: '#/$defs/text'
      department:
        title: 担当課 (responsible department)
        description: 括弧は付けない。 Without the brackets.
        $ref: '#/$defs/text'
      mark:
        title: 評価 (mark or grade)
        description: 階層の尺度の記号・評語（印刷どおり）。 The node's mark or grade on its level's scale, as printed.
        anyOf:
          - $ref: '#/$defs/text'
          - type: integer
      start:
        title: 開始年度 (first fiscal year)
        description: 注記が無ければ書かない（計画期間の開始年度）。 Leave out unless it differs from the plan period's start.
        $ref: '#/$defs/fiscal_year'
      end:
        title: 終了年度 (last fiscal year)
        description: 注記が無ければ書かない（計画期間の終了年度）。 Leave out unless it differs from the plan period's end.
        $ref: '#/$defs/fiscal_year'
      note:
        title: 注記 (note)
        description: 印刷どおりの注記（※平成２７年度で終了 など）。 The printed note, verbatim.
        $ref: '#/$defs/text'
      results:
        title: 成果 (results)
        description: 成果・実績の文章。段落ごとに1行。 Results text, one printed paragraph per line (block scalar `|`).
        $ref: '#/$defs/text'
      stated:
        title: 記載の数値 (figures stated for this node)
        description: この項目について印刷された件数（計６事業 など）。`of` はこの項目の中を数える。 Figures printed for this node (計６事業); `of` counts inside it.
        type: array
        minItems: 1
        items: {$ref: '#/$defs/stated'}
      indicators:
        title: 指標 (indicators)
        type: array
        minItems: 1
        items: {$ref: '#/$defs/indicator'}
      nodes:
        title: 下位の項目 (children)
        type: array
        minItems: 1
        items: {$ref: '#/$defs/node'}

  indicator:
    title: 指標 (indicator)
    type: object
    additionalProperties: false
    required: [name]
    properties:
      name:
        title: 指標名 (indicator)
        $ref: '#/$defs/text'
      unit:
        title: 単位 (unit)
        $ref: '#/$defs/text'
        examples: [件, 人, '%']
      direction:
        title: 方向 (direction)
        description: "up は増えるほど良い，down は減るほど良い。 `up`: higher is better; `down`: lower is better."
        enum: [up, down]
        default: up
      scale:
        title: 尺度 (scale of its grades)
        description: 評語の尺度（`scales` の名前）。一つしか無ければ省略可。 The scale of its grades; may be left out when only one scale has bands.
        $ref: '#/$defs/name_ref'
      baseline:
        title: 基準値 (baseline)
        type: object
        additionalProperties: false
        required: [value]
        properties:
          fy:
            title: 基準年度 (baseline year)
            $ref: '#/$defs/fiscal_year'
          value:
            title: 基準値 (baseline value)
            type: number
      years:
        title: 年度ごとの目標・実績 (targets and actuals per year)
        type: array
        minItems: 1
        items:
          type: object
          additionalProperties: false
          required: [fy]
          properties:
            fy:
              title: 年度 (fiscal year)
              $ref: '#/$defs/fiscal_year'
            target:
              title: 目標値 (target)
              $ref: '#/$defs/cell'
            actual:
              title: 実績値 (actual)
              $ref: '#/$defs/cell'
            rate:
              title: 達成率 (achievement rate, %, as printed)
              description: 印刷どおりの値（% は付けない，小数の桁も印刷どおり）。 As printed, without %, with its printed decimals.
              type: number
            grade:
              title: 評語 (grade, as printed)
              anyOf:
                - $ref: '#/$defs/text'
                - type: integer
      note:
        title: 注記 (note)
        $ref: '#/$defs/text'

  rounding:
    title: 端数処理 (rounding)
    description: >-
      half-up 四捨五入，down 切り捨て，up 切り上げ，unknown 不明（いずれか），exact 端数なし。
      How the printed numbers were rounded: `half-up` (四捨五入: n stands for n − ½ to n + ½),
      `down` (切り捨て: n to n + 1), `up` (切り上げ: n − 1 to n), `unknown` (any of these: n − 1 to
      n + 1), `exact` (not rounded). One unit is the last printed digit.
    enum: [half-up, down, up, unknown, exact]

  cell:
    title: セル (cell)
    description: 数は印刷どおり（% や桁区切りは付けない），記号・文字は文字列，空欄は null。 A number as printed, a symbol or text as a string, a blank cell as null.
    type: [number, string, 'null']

  row:
    title: 行 (row)
    description: 行の名前（印刷どおり）に続けて，列の順にセルを並べる。 The row's printed name, then one cell per column, in column order.
    type: array
    minItems: 1
    items: {$ref: '#/$defs/cell'}

  column:
    title: 列 (column)
    description: >-
      列の見出し（印刷どおり）。種類などを宣言するときはマッピングで書く。
      A column's printed heading, or a mapping that declares its kind. A heading alone is an
      `amount` column in a table with a `unit`, a `count` column otherwise.
    anyOf:
      - $ref: '#/$defs/text'
      - type: object
        additionalProperties: false
        required: [name]
        properties:
          name:
            title: 見出し (heading)
            $ref: '#/$defs/text'
          kind:
            title: 種類 (kind)
            description: >-
              count 件数（整数，端数なし），amount 金額・数量（表の単位・端数処理・記号），
              share 割合（of の列の合計行に対する %），ratio 比率（同じ行の of[0] ÷ of[1] の %），
              total 行の合計（of の列の和），text 文字。
              `count`: exact whole numbers; `amount`: in the table's unit, rounding and symbols;
              `share`: a percentage of the total row of the column named in `of`; `ratio`: a
              percentage of two columns of the same row (`of: [numerator, denominator]`);
              `total`: the sum of the row's columns named in `of` (default: the count and amount
              columns before it); `text`: not a number.
            enum: [count, amount, share, ratio, total, text]
          counts:
            title: 数えるもの (what a count column counts)
            description: >-
              階層名（例：事業）なら階層の項目と照合する。同じものを数える列の合計は表をまたいで一致する。
              A level name (its nodes are counted: per row when the table's `label` names a
              level, and for the group's fiscal year), or any other name: the totals of count
              columns that count the same thing must agree across tables.
            $ref: '#/$defs/text'
          of:
            title: 対象の列 (the columns it is computed from)
            anyOf:
              - $ref: '#/$defs/text'
              - type: array
                minItems: 1
                items: {$ref: '#/$defs/text'}
          precision:
            title: 印刷桁 (printed decimals)
            description: 割合・比率の小数点以下の桁数（52% → 0，90.6% → 1）。 Decimals printed for a share or ratio.
            type: integer
            minimum: 0
            maximum: 6
          rounding:
            title: 端数処理 (rounding of this column)
            $ref: '#/$defs/rounding'
          fy:
            title: 年度 (fiscal year)
            description: 列が一つの年度のものなら。 When the column is for one fiscal year.
            $ref: '#/$defs/fiscal_year'

  group:
    title: 列のまとまり (column group)
    description: >-
      列の上にかかる見出し（年度など）。宣言した列がまとまりごとに繰り返される。年度だけなら整数で書ける。
      A heading spanning the columns (usually a fiscal year); the declared columns repeat
      under each group. A bare year is a group for that fiscal year.
    anyOf:
      - $ref: '#/$defs/fiscal_year'
      - $ref: '#/$defs/text'
      - type: object
        additionalProperties: false
        properties:
          name:
            title: 見出し (heading, as printed)
            $ref: '#/$defs/text'
          fy:
            title: 年度 (fiscal year)
            $ref: '#/$defs/fiscal_year'

  table:
    title: 表 (table)
    type: object
    additionalProperties: false
    required: [name, columns, rows]
    properties:
      name:
        title: 表題 (title)
        description: 表の表題・区分（印刷どおり）。 The table's printed title or category.
        $ref: '#/$defs/text'
      unit:
        title: 単位 (unit)
        description: 金額・数量の単位（印刷どおり）。 The unit of its amounts, as printed (百万円, 千円, 円, 件 …).
        $ref: '#/$defs/text'
      rounding:
        title: 端数処理 (rounding of its amounts)
        description: 金額の端数処理。書かなければ exact。 How its amounts were rounded; `exact` when left out.
        $ref: '#/$defs/rounding'
      symbols:
        title: 記号 (symbols in its cells)
        description: >-
          金額の欄の記号とその意味（凡例）。範囲は表の単位で書く。
          Symbols printed in its amount cells, each with its printed meaning and the amounts it
          stands for, in the table's unit: `＊: {means: 百万円未満, above: 0, below: 1}`.
          `none: true` makes the symbol "no amount" (left out of sums).
        type: object
        minProperties: 1
        propertyNames: {minLength: 1}
        additionalProperties:
          $ref: '#/$defs/bounds'
          properties:
            means:
              title: 意味 (meaning, as printed)
              $ref: '#/$defs/text'
            none:
              title: 金額なし (not an amount)
              const: true
          unevaluatedProperties: false
        examples:
          - {＊: {means: 百万円未満, above: 0, below: 1}, －: {means: 該当なし, none: true}}
      scale:
        title: 尺度 (scale)
        description: >-
          記号・評語ごとの集計表なら，その尺度。記号を見出しとする列，または記号で始まる行名がその記号を数える。
          For a tally by mark or grade: the scale whose symbols head its columns (or begin its
          row names); each such cell counts that symbol.
        $ref: '#/$defs/name_ref'
      tally:
        title: 行が数えるもの (what each row tallies)
        description: >-
          行名 → 数えるもの（階層名）。記号ごとの件数を階層の項目の評価と照合する。
          Row name → the level whose nodes the row counts by mark (`{個別事業: 事業}`); each
          count is checked against the marks of the listed nodes.
        type: object
        minProperties: 1
        additionalProperties: {$ref: '#/$defs/name_ref'}
      label:
        title: 行名の列 (the row-name column)
        description: >-
          行名の列の見出し。階層の項目を行とする表では `level` にその階層名。
          The heading of the row-name column; `level` when each row names a node of that level.
        anyOf:
          - $ref: '#/$defs/text'
          - type: object
            additionalProperties: false
            properties:
              name:
                title: 見出し (heading)
                $ref: '#/$defs/text'
              level:
                title: 階層 (level its rows name)
                $ref: '#/$defs/name_ref'
      groups:
        title: 列のまとまり (column groups)
        description: 年度などの見出し。列はまとまりごとに繰り返す。 Spanning headings; the columns repeat under each.
        type: array
        minItems: 1
        items: {$ref: '#/$defs/group'}
        examples: [[2014, 2015, 2016]]
      columns:
        title: 列 (columns)
        description: 行名の列を除く列（まとまりがあれば一つ分）。 The columns after the row name (one group's worth when there are groups).
        type: array
        minItems: 1
        items: {$ref: '#/$defs/column'}
      total:
        title: 合計行 (the total row)
        description: >-
          合計行の行名（印刷どおり，例：合計，計，総計）。その行は他の行の和。
          The printed name of the row that adds up the others (合計, 計, 総計). The row itself is
          written in `rows` where it is printed.
        $ref: '#/$defs/text'
      ratios:
        title: 比率の行 (ratio rows)
        description: >-
          合計行から計算される比率の行（対予算額比 など）の行名 → 分子・分母の列。まとまりごとに一つの値。
          Rows computed from the total row, by printed name, such as 対予算額比 (actual ÷
          budget): one cell per group, the total row's `of[0]` ÷ `of[1]` × 100. The rows
          themselves are written in `rows` where they are printed.
        type: object
        minProperties: 1
        additionalProperties:
          type: object
          additionalProperties: false
          required: [of]
          properties:
            of:
              title: 分子・分母の列 (numerator and denominator columns)
              type: array
              minItems: 2
              maxItems: 2
              items: {$ref: '#/$defs/text'}
            precision:
              title: 印刷桁 (printed decimals)
              type: integer
              minimum: 0
              maximum: 6
            rounding:
              title: 端数処理 (rounding of the printed ratio)
              $ref: '#/$defs/rounding'
      rows:
        title: 行 (rows)
        description: >-
          印刷順の行。各行は行名に続けて列の順にセル（まとまりがあれば，まとまりごとに列の順）。合計行・比率の行もここに。
          Every printed row in printed order, the total and ratio rows included: the row's name,
          then one cell per column (per group, when there are groups).
        type: array
        minItems: 1
        items: {$ref: '#/$defs/row'}
      notes:
        title: 注記 (notes)
        description: 表の下の注記（印刷どおり）。 The notes printed under the table, verbatim.
        $ref: '#/$defs/text_list'

  target:
    title: 数える対象 (what a figure counts)
    description: >-
      階層名（その階層の項目の数），または {level, mark, fy} ／ {goals}。
      A level name (its nodes), or a mapping: `{level: 事業, mark: ○}` (the nodes with that
      mark), `{level: 事業, fy: 2015}` (those running that year), `{goals: 重点目標}` (the goals
      listed under that heading).
    anyOf:
      - $ref: '#/$defs/name_ref'
      - type: object
        additionalProperties: false
        minProperties: 1
        properties:
          level: {title: 階層 (level), $ref: '#/$defs/name_ref'}
          mark: {title: 記号 (mark), anyOf: [{$ref: '#/$defs/text'}, {type: integer}]}
          fy: {title: 年度 (fiscal year), $ref: '#/$defs/fiscal_year'}
          goals: {title: 目標の見出し (goal heading), $ref: '#/$defs/name_ref'}

  figure:
    title: 数値 (a stated figure)
    type: object
    properties:
      count:
        title: 件数 (count as printed)
        $ref: '#/$defs/count'
      of:
        title: 数える対象 (what it counts)
        $ref: '#/$defs/target'
      fy:
        title: 年度 (fiscal year)
        description: "年度の件数なら。`of` の項目はその年度に実施中のものを数える。 For a count in one year: nodes running that year."
        $ref: '#/$defs/fiscal_year'
      added:
        title: 追加 (added since the year before)
        $ref: '#/$defs/count'
      ended:
        title: 終了 (ended since the year before)
        $ref: '#/$defs/count'
      percent:
        title: 割合 (percentage as printed)
        description: "% を付けず，印刷どおりの桁で（48.8% → 48.8）。 Without %, with its printed decimals."
        type: number
      basis:
        title: 母数 (basis as printed)
        description: 割合の分母として印刷された数（96件の48.8% → 96）。 The printed whole a percentage is of.
        $ref: '#/$defs/count'
      basis_of:
        title: 母数の対象 (what the basis counts)
        $ref: '#/$defs/target'
      rounding:
        title: 割合の端数処理 (rounding of the percentage)
        $ref: '#/$defs/rounding'
    dependentRequired:
      added: [fy]
      ended: [fy]

  stated:
    title: 記載の数値 (a figure stated in the text)
    description: >-
      印刷された文言と，その中の数値一つ。一つの文言に数値が二つあれば二つ書く。
      The printed words and one figure in them; a phrase with two figures (９分野計２０項目) is
      written twice, once per figure.
    $ref: '#/$defs/figure'
    properties:
      printed:
        title: 印刷表記 (as printed)
        $ref: '#/$defs/text'
    unevaluatedProperties: false

"""#),
        (path: "Plans/plan-1.schema.yaml", text: #"""
$schema: https://json-schema.org/draft/2020-12/schema
title: planlint plan file (planlint/plan@1)
description: >-
  計画書・総括データの入力様式。
  A public plan (情報化計画など) transcribed into YAML: the plan's outline, its fields, items and
  projects, the self-evaluation tally, the budget tables and the counts stated in prose.
  This schema checks structure only — required keys, types, allowed values and unknown keys.
  Arithmetic across fields (tallies, budget sums, yearly counts) is checked by the rules in Rules/.
  See Docs/plan-format.md.
$comment: >-
  Attach in an editor with a first line `# yaml-language-server: $schema=plan.schema.yaml`.
  Keys are ASCII snake_case; mark symbols (◎ ○ △ × －) and ＊ are the exact code points
  U+25CE U+25CB U+25B3 U+00D7 U+FF0D and U+FF0A.
type: object
additionalProperties: false
required: [format, plan, fields]
properties:
  format:
    title: 様式 (format)
    description: 様式の識別子。常に planlint/plan@1。 The format identifier; always planlint/plan@1.
    const: planlint/plan@1

  plan:
    title: 計画の概要 (plan outline)
    description: 計画名・期間・目標。 The plan's title, period and goals, as printed.
    type: object
    additionalProperties: false
    required: [title, period]
    properties:
      title:
        title: 計画名 (plan title)
        description: 計画の名称（印刷どおり）。 The plan's name as printed.
        $ref: '#/$defs/text'
        examples: [みやぎＩＣＴ推進プラン（２０１４～２０１６）]
      document:
        title: 文書名 (document title)
        description: 転記元の文書の表題（印刷どおり）。 Title of the document transcribed.
        $ref: '#/$defs/text'
      project_list_title:
        title: 事業一覧の表題 (project list title)
        description: 別紙の事業一覧の表題（印刷どおり）。 Title printed over the project list.
        $ref: '#/$defs/text'
      period:
        title: 計画期間 (plan period)
        description: 計画の推進期間。年度は西暦の年度で書く（平成＋1988，令和＋2018）。 Western fiscal years.
        type: object
        additionalProperties: false
        required: [start, end]
        properties:
          start:
            title: 開始年度 (first fiscal year)
            $ref: '#/$defs/fiscal_year'
          end:
            title: 終了年度 (last fiscal year)
            $ref: '#/$defs/fiscal_year'
          printed:
            title: 印刷表記 (as printed)
            description: 期間の印刷どおりの表記。 The period as printed.
            $ref: '#/$defs/text'
      basic_goal:
        title: 基本目標 (basic goal)
        description: 基本目標（印刷どおり，括弧も含む）。 The basic goal as printed, brackets included.
        $ref: '#/$defs/text'
      priority_goals:
        title: 重点目標 (priority goals)
        description: 重点目標の一覧（印刷順）。 The priority goals, in printed order.
        type: array
        minItems: 1
        items:
          $ref: '#/$defs/text'

  fields:
    title: 分野 (fields)
    description: 分野の一覧（分野 → 項目 → 事業）。 The plan's fields, each with items and projects.
    type: array
    minItems: 1
    items:
      $ref: '#/$defs/field'

  evaluation:
    title: 自己評価 (self-evaluation)
    description: 担当課による自己評価の凡例と集計。 Legend and tally of the evaluation marks.
    type: object
    additionalProperties: false
    required: [legend, tally]
    properties:
      legend:
        title: 凡例 (legend)
        description: 各記号の意味（印刷どおり）。 What each mark means, as printed.
        type: object
        additionalProperties: false
        required: [◎, ○, △, ×, －]
        properties:
          ◎: {$ref: '#/$defs/text'}
          ○: {$ref: '#/$defs/text'}
          △: {$ref: '#/$defs/text'}
          ×: {$ref: '#/$defs/text'}
          －: {$ref: '#/$defs/text'}
      tally:
        title: 集計 (tally)
        description: 区分ごとの記号の件数と合計（印刷どおり）。 Printed mark counts per category.
        type: array
        minItems: 1
        items:
          type: object
          additionalProperties: false
          required: [category, counts, total]
          properties:
            category:
              title: 区分 (category)
              description: 個別事業，情報発信サイト等，合計 など。 e.g. 個別事業 or 合計.
              $ref: '#/$defs/text'
            counts:
              title: 記号別件数 (counts per mark)
              type: object
              additionalProperties: false
              required: [◎, ○, △, ×, －]
              properties:
                ◎: {$ref: '#/$defs/count'}
                ○: {$ref: '#/$defs/count'}
                △: {$ref: '#/$defs/count'}
                ×: {$ref: '#/$defs/count'}
                －: {$ref: '#/$defs/count'}
            total:
              title: 合計 (printed total)
              $ref: '#/$defs/count'

  budgets:
    title: 事業費 (budgets)
    description: 年度別の事業数・予算額・実績額の表。 Yearly project counts, budgets and actual spending.
    type: object
    additionalProperties: false
    required: [unit, tables]
    properties:
      unit:
        title: 単位 (unit)
        description: 金額の単位（例：百万円）。 Unit of the amounts, e.g. 百万円 (million yen).
        $ref: '#/$defs/text'
      legend:
        title: 凡例 (legend)
        description: 表中の記号の意味。＊は1単位未満の金額。 Table symbols; ＊ is an amount under one unit.
        type: object
        additionalProperties: false
        properties:
          ＊: {$ref: '#/$defs/text'}
      notes:
        title: 注記 (notes)
        description: 表の下の※注記（印刷どおり）。 The ※ notes under the tables, verbatim.
        type: array
        items:
          $ref: '#/$defs/text'
      tables:
        title: 表 (tables)
        type: array
        minItems: 1
        items:
          $ref: '#/$defs/budget_table'

  stated_counts:
    title: 本文記載の件数 (counts stated in prose)
    description: >-
      本文に書かれた件数（分野数・項目数・事業数・年度別事業数）。
      Counts the document states in its text, kept to be checked against the lists.
    type: object
    additionalProperties: false
    properties:
      priority_goals:
        title: 重点目標の数 (number of priority goals)
        $ref: '#/$defs/count'
      priority_goals_printed:
        title: 印刷表記 (as printed)
        $ref: '#/$defs/text'
      fields:
        title: 分野数 (number of fields)
        $ref: '#/$defs/count'
      items:
        title: 項目数 (number of items)
        $ref: '#/$defs/count'
      fields_items_printed:
        title: 印刷表記 (as printed)
        examples: [９分野計２０項目]
        $ref: '#/$defs/text'
      projects:
        title: 事業数 (number of projects in the plan)
        $ref: '#/$defs/count'
      projects_printed:
        title: 印刷表記 (as printed)
        $ref: '#/$defs/text'
      years:
        title: 年度別事業数 (projects per year)
        type: array
        items:
          type: object
          additionalProperties: false
          required: [fy, projects]
          properties:
            fy: {$ref: '#/$defs/fiscal_year'}
            projects:
              title: 事業数 (projects that year)
              $ref: '#/$defs/count'
            added:
              title: 追加 (added since the year before)
              $ref: '#/$defs/count'
            ended:
              title: 終了 (ended since the year before)
              $ref: '#/$defs/count'
            printed:
              title: 印刷表記 (as printed)
              $ref: '#/$defs/text'
    dependentRequired:
      priority_goals_printed: [priority_goals]
      projects_printed: [projects]

$defs:
  text:
    title: 文字列 (text)
    description: 空でない文字列。印刷どおりに書く。 A non-empty string, written as printed.
    type: string
    minLength: 1

  count:
    title: 件数 (count)
    type: integer
    minimum: 0

  fiscal_year:
    title: 年度 (fiscal year)
    description: >-
      西暦の年度（4月始まりの年度の西暦年）。平成N年度 = N + 1988，令和N年度 = N + 2018。
      Western fiscal year: 平成27年度 → 2015, 令和2年度 → 2020.
    type: integer
    minimum: 1900
    maximum: 2100
    examples: [2014]

  mark:
    title: 自己評価の記号 (evaluation mark)
    description: ◎ 計画以上 / ○ 計画どおり / △ 繰り下げ・再検討 / × 実施せず / － 評価困難。
    enum: [◎, ○, △, ×, －]

  amount:
    title: 金額 (amount)
    description: >-
      単位未満の金額は文字列 "＊"。それ以外は整数（桁区切りのコンマは付けない）。
      An integer in the table's unit, or the string "＊" for an amount under one unit.
    anyOf:
      - type: integer
        minimum: 0
      - const: ＊

  field:
    title: 分野 (field)
    type: object
    additionalProperties: false
    required: [number, name, items]
    properties:
      number:
        title: 分野番号 (field number)
        type: integer
        minimum: 1
      name:
        title: 分野名 (field name)
        description: 事業費の表の行名と同じ表記。 Spelled as in the budget table rows.
        $ref: '#/$defs/text'
      stated_projects:
        title: 記載事業数 (stated project count)
        description: 印刷された「計N事業」のN。 N of the printed 計N事業.
        $ref: '#/$defs/count'
      stated_projects_printed:
        title: 印刷表記 (as printed)
        examples: [計６事業]
        $ref: '#/$defs/text'
      items:
        title: 項目 (items)
        type: array
        minItems: 1
        items:
          $ref: '#/$defs/item'
    dependentRequired:
      stated_projects_printed: [stated_projects]

  item:
    title: 項目 (item)
    type: object
    additionalProperties: false
    required: [number, title, projects]
    properties:
      number:
        title: 項目番号 (item number within the field)
        type: integer
        minimum: 1
      title:
        title: 項目名 (item title)
        $ref: '#/$defs/text'
      results:
        title: 成果 (results)
        description: >-
          成果の文章。段落ごとに1行（全角スペースで始まる）。 Results text, one paragraph per line.
        $ref: '#/$defs/text'
      projects:
        title: 事業 (projects)
        type: array
        minItems: 1
        items:
          $ref: '#/$defs/project'

  project:
    title: 事業 (project)
    type: object
    additionalProperties: false
    required: [number, name, department, mark, start, end]
    properties:
      number:
        title: 事業番号 (project number within the item)
        type: integer
        minimum: 1
      name:
        title: 事業名 (project name)
        description: 印刷どおり。括弧内の担当課は department へ。 As printed, without the department.
        $ref: '#/$defs/text'
      department:
        title: 担当課 (responsible department)
        description: 事業名の後の括弧内（括弧は付けない）。 The department in parentheses, without them.
        $ref: '#/$defs/text'
      mark:
        title: 自己評価 (evaluation mark)
        $ref: '#/$defs/mark'
      start:
        title: 開始年度 (first fiscal year)
        description: 注記が無ければ計画期間の開始年度。 The plan's first year unless a note says otherwise.
        $ref: '#/$defs/fiscal_year'
      end:
        title: 終了年度 (last fiscal year)
        description: 注記が無ければ計画期間の終了年度。 The plan's last year unless a note says otherwise.
        $ref: '#/$defs/fiscal_year'
      note:
        title: 注記 (note)
        description: ※で始まる注記（印刷どおり）。 The ※ note, verbatim, e.g. ※平成２７年度で終了.
        type: string
        pattern: ^※
        minLength: 2

  year_cells:
    title: 年度の欄 (one year's cells)
    type: object
    additionalProperties: false
    required: [fy, count, budget, actual]
    properties:
      fy:
        title: 年度 (fiscal year)
        $ref: '#/$defs/fiscal_year'
      count:
        title: 事業数 (number of projects)
        $ref: '#/$defs/count'
      budget:
        title: 予算額 (budget)
        $ref: '#/$defs/amount'
      actual:
        title: 実績額 (actual spending)
        $ref: '#/$defs/amount'

  year_list:
    type: array
    minItems: 1
    items:
      $ref: '#/$defs/year_cells'

  budget_table:
    title: 事業費の表 (budget table)
    type: object
    additionalProperties: false
    required: [category, fiscal_years, rows, total]
    properties:
      category:
        title: 区分 (category)
        description: 個別事業 / 情報発信サイト等 など。 Which kind of project the table counts.
        $ref: '#/$defs/text'
      fiscal_years:
        title: 年度 (fiscal years, in column order)
        type: array
        minItems: 1
        uniqueItems: true
        items:
          $ref: '#/$defs/fiscal_year'
      rows:
        title: 分野別の行 (rows per field)
        type: array
        minItems: 1
        items:
          type: object
          additionalProperties: false
          required: [field, years]
          properties:
            field:
              title: 分野名 (field name as printed in the row)
              $ref: '#/$defs/text'
            years:
              $ref: '#/$defs/year_list'
      total:
        title: 合計 (the printed total row)
        type: object
        additionalProperties: false
        required: [years]
        properties:
          years:
            $ref: '#/$defs/year_list'
      ratio:
        title: 対予算額比 (actual ÷ budget, percent as printed)
        type: array
        items:
          type: object
          additionalProperties: false
          required: [fy, percent]
          properties:
            fy:
              $ref: '#/$defs/fiscal_year'
            percent:
              title: 百分率 (percent, without the % sign)
              description: 印刷どおりの値（90.6% → 90.6，100.0% → 100.0）。
              type: number
              minimum: 0

"""#),
        (path: "Rules/budgets.yaml", text: #"""
# The budget tables (事業費): per field (分野) and fiscal year, each table prints 事業数 (the
# number of projects), 予算額 (budget) and 実績額 (actual spending) in 百万円 (million yen),
# then a 合計 (total) row and a 対予算額比 (actual ÷ budget, %) row. The rows must add up to the
# total and the ratio must agree with the total's amounts — within rounding, because the
# printed amounts are rounded (the tables' own note: 端数処理により，各内訳の積算額と合計額は
# 必ずしも一致しない) and ＊ stands for an amount under one unit. Counts are exact.
# Format: Docs/plan-format.md; rule format: Docs/rules.md.
# These rules check files in plan format 1 (`planlint/plan@1`, deprecated); plan@2 files are
# checked from their own declarations by the plan-*.yaml rules.
format: planlint/plan@1
rules:
  - id: budget-count-sum
    severity: error
    summary:
      ja: "各事業費表の各年度で、分野の事業数の和は合計行に正確に等しい。"
      en: In each budget table and year, the fields' 事業数 (project counts) add up to the 合計 row exactly.
    description:
      ja: |
        事業費表の各行は、年度ごとに事業数（その年度に実施された分野の事業の数）を示し、合計の行は
        全分野の件数を示します。事業はちょうど一つの分野に属するので、行の件数の和は合計に
        **正確に**等しくなければなりません。件数は丸められておらず、隣の金額と違って差を説明する
        端数処理はありません。

        差があるのは、たいてい事業が二つの分野に数えられたかどこにも数えられなかったか、
        セルの入力誤りです。
      en: |
        Each row of a budget table gives, per fiscal year, 事業数 — how many of the field's
        projects ran that year — and the 合計 (total) row gives the count for all fields. A
        project belongs to exactly one field, so the rows' counts must add up to the total
        **exactly**: counts are not rounded, and unlike the amounts next to them there is no
        rounding to excuse a difference.

        A difference usually means a project was counted under two fields or none, or one of
        the cells was mistyped.
    help:
      ja: "その年度の各分野の事業を数え直し、誤って印刷された行か合計のセルを直してください。"
      en: Recount the projects of each field for that year, then correct the row or the 合計 cell that was printed wrong.
    tags: [budgets, arithmetic, counts]
    for: budgets?.tables[* as table].total.years[*].count
    # A row without exactly one cell for the year is reported by budget-row-years; the sum
    # is not checked then, so that one misplaced cell gives one finding.
    # A cell without a count, or with one that is not a number, is the schema's finding.
    when: |
      type(self) == 'number'
        && table.rows.all(r, r.years.exists_one(y, y.fy == parent.fy) && r.years.all(y, type(get(y, 'count', null)) == 'number'))
    let:
      counts: table.rows.map(r, r.years.filter(y, y.fy == parent.fy)[0].count)
      added: sum(counts.map(c, exact(c)))
    assert: self == added
    message:
      ja: "{table.category}（{fiscalYearText(parent.fy)}）の事業数：分野の行の和は{added}事業ですが、合計の行は{self}です（件数は正確なので一致しなければなりません）"
      en: "{table.category} FY{parent.fy} 事業数: the field rows add up to {added} projects, but the 合計 row says {self} (counts are exact, so they must match)"
    labels:
      - each: table.rows
        as: row
        at: row.years.filter(y, y.fy == parent.fy)[0].count
        message: "{row.field}"
    examples:
      valid:
        - |
          budgets:
            tables:
              - category: 個別事業
                rows:
                  - {field: 地域の情報化, years: [{fy: 2014, count: 6}, {fy: 2015, count: 5}]}
                  - {field: 行政の情報化, years: [{fy: 2014, count: 33}, {fy: 2015, count: 36}]}
                total:
                  years: [{fy: 2014, count: 39}, {fy: 2015, count: 41}]
      invalid:
        - yaml: |
            budgets:
              tables:
                - category: 個別事業
                  rows:
                    - {field: 地域の情報化, years: [{fy: 2014, count: 6}, {fy: 2015, count: 5}]}
                    - {field: 行政の情報化, years: [{fy: 2014, count: 33}, {fy: 2015, count: 36}]}
                  total:
                    years:
                      - {fy: 2014, count: 39}
                      - {fy: 2015, count: 42}  # expect: budget-count-sum
          messages:
            - ja: "個別事業（平成27年度）の事業数：分野の行の和は41事業ですが、合計の行は42です（件数は正確なので一致しなければなりません）"
              en: "個別事業 FY2015 事業数: the field rows add up to 41 projects, but the 合計 row says 42 (counts are exact, so they must match)"

  - id: budget-amount-sum
    severity: error
    summary:
      ja: "各事業費表の各年度で、分野の予算額・実績額の和は丸めの範囲で合計行に等しい（＊は1単位未満）。"
      en: In each budget table and year, the fields' 予算額 and 実績額 add up to the 合計 row within rounding (＊ is under one unit).
    description:
      ja: |
        事業費表の各行は、年度ごとに表の単位（百万円）での予算額と実績額を示し、合計の行は全分野の
        それを示します。印刷された金額は整数単位に**丸められて**いるので、行の和はぴったり一致する
        とは限りません。表自身がそう述べています：※端数処理により，各内訳の積算額と合計額は
        必ずしも一致しない。＊と印刷されたセルは1単位未満の金額です（※「＊」は百万円未満）。

        そこでこのルールは厳密に問います：**それぞれ印刷されたセルの丸めの範囲内にある真の金額の
        選び方で、行の和が合計になるものが一つでもあるか。**

        - 印刷された金額 `n` は n − 0.5 以上 n + 0.5 未満のどれかを表します。
        - ＊は0より大きく1未満を表します。
        - したがって行の和は、各セルの最小値の和から最大値の和までの範囲のどれでもありえます。
        - 合計 `t` は t − 0.5 以上 t + 0.5 未満を表します。

        二つの範囲が重なれば表は整合しており、何も報告しません。重ならなければ、どんな端数処理でも
        差は説明できず、どこかのセルか合計が誤って印刷されています。

        **計算例**（宮城、情報発信サイト等、平成28年度、予算額）：九つの行は0、37、＊、1、110、3、0、＊、＊。
        六つの数値の和は151で、それぞれ0.5ずれうるので148〜154、三つの＊は0より大きく3未満を加えます。
        行の和は148超157未満です。印刷された合計159は158.5以上159.5未満を表します。範囲が交わらない
        ので、合計は行から得られません。これが指摘になります。個別事業の平成26年度では、九つの行の
        和7196（7191.5〜7200.5）に対し印刷された7199（7198.5〜7199.5）で、差の3は丸めの範囲内であり、
        何も報告しません。
      en: |
        Each row of a budget table gives, per fiscal year, 予算額 (budget) and 実績額 (actual
        spending) in the table's unit (百万円, million yen), and the 合計 (total) row gives them
        for all fields. The printed amounts are **rounded** to whole units, so the rows need not
        add up exactly — the tables say so themselves: ※端数処理により，各内訳の積算額と合計額は
        必ずしも一致しない ("because of rounding, the sum of the rows and the total do not always
        agree"). A cell printed ＊ is an amount under one unit (※「＊」は百万円未満).

        So the rule asks a precise question: **is there any choice of true amounts, each within
        the rounding of its printed cell, for which the rows add up to the total?**

        - a printed amount `n` stands for anything from n − 0.5 to n + 0.5;
        - ＊ stands for more than 0 and less than 1;
        - the sum of the rows can therefore be anything in the range obtained by adding the
          lowest and the highest values of every cell;
        - the total `t` stands for t − 0.5 to t + 0.5.

        If the two ranges overlap, the table is consistent and nothing is reported. If they do
        not, no rounding can explain the difference: a cell or the total was printed wrong.

        **Worked example** (Miyagi, 情報発信サイト等, FY2016, 予算額): the nine rows print
        0, 37, ＊, 1, 110, 3, 0, ＊, ＊. The six printed numbers add up to 151 and may each be off
        by 0.5, giving 148–154; the three ＊ add more than 0 and less than 3. The rows therefore
        add up to more than 148 and less than 157. The printed total 159 stands for 158.5–159.5.
        The ranges do not meet, so the total cannot be reached from its rows — a finding.
        For 個別事業 FY2014 the nine rows add up to 7196 (7191.5–7200.5) against a printed
        7199 (7198.5–7199.5): the difference of 3 is within rounding, and nothing is reported.
    help:
      ja: "その年度の列の分野の行を足し直し、誤って印刷された合計のセルか行を直してください。端数処理による差なら直す必要はありません。"
      en: Add up the field rows of that year's column again; correct the 合計 cell or the row that was printed wrong. A rounding difference needs no change.
    tags: [budgets, arithmetic, rounding]
    for: "budgets?.tables[* as table].total.years[* as total][? key == 'budget' || key == 'actual']"
    # A row without exactly one cell for the year is reported by budget-row-years.
    # A cell without the amount, or with one that is neither a number nor ＊, is the schema's finding.
    when: |
      isAmount(self)
        && table.rows.all(r, r.years.exists_one(y, y.fy == total.fy) && r.years.all(y, isAmount(get(y, key, null))))
    let:
      cells: table.rows.map(r, r.years.filter(y, y.fy == total.fy)[0][key])
      # The printed amounts are rounded half-up: each stands for its rounding interval.
      summed: sum(cells.map(c, rounded(c)))
      printed: cells.filter(c, type(c) == 'number')
      face: sum(printed.map(c, exact(c)))
      stars: size(cells) - size(printed)
      column: "key == 'budget' ? '予算額' : '実績額'"
      # The ends of the sum's range, without a trailing .0 (148, 7191.5).
      lo: "lower(summed) == round(lower(summed)) ? string(round(lower(summed))) : string(lower(summed))"
      hi: "upper(summed) == round(upper(summed)) ? string(round(upper(summed))) : string(upper(summed))"
      rows: |
        stars == 0
          ? string(face) + ' = ' + lo + '–' + hi + ' (each printed amount ±0.5)'
          : string(face) + ' + ' + string(stars) + '×＊ = somewhere between ' + lo + ' and ' + hi
            + ' (each printed amount ±0.5, each ＊ more than 0 and less than 1)'
    assert: summed ~= rounded(self)
    message:
      ja: "{table.category}（{fiscalYearText(total.fy)}）の{column}：分野の行の和は{stars == 0 ? '' : string(face) + '＋＊×' + string(stars) + '＝'}{withUnit(summed, get(root.budgets, 'unit', null))}（印刷された金額はそれぞれ±0.5{stars == 0 ? '' : '、＊は0超1未満'}）ですが、合計の行は{withUnit(rounded(self), get(root.budgets, 'unit', null))}です"
      en: "{table.category} FY{total.fy} {column}: the field rows add up to {rows}, but the 合計 row says {self} ({lower(rounded(self))}–{upper(rounded(self))})"
    labels:
      - each: table.rows
        as: row
        at: row.years.filter(y, y.fy == total.fy)[0][key]
        message: "{row.field}"
    notes:
      - ja: "二つの範囲が重ならないので、印刷された金額のどんな端数処理でも差は説明できません"
        en: "the two ranges do not overlap, so no rounding of the printed amounts explains the difference"
    examples:
      valid:
        - |
          # 7 + 903 = 910 (909–911) meets 911 (910.5–911.5): a rounding difference.
          budgets:
            tables:
              - category: 個別事業
                rows:
                  - {field: 地域の情報化, years: [{fy: 2014, budget: 7, actual: 7}]}
                  - {field: 行政の情報化, years: [{fy: 2014, budget: 903, actual: 858}]}
                total:
                  years: [{fy: 2014, budget: 911, actual: 865}]
        - |
          # 41 + ＊ + ＊ is more than 40.5 and less than 43.5, which meets 43.
          budgets:
            tables:
              - category: 情報発信サイト等
                rows:
                  - {field: 行政の情報化, years: [{fy: 2016, budget: 41, actual: 41}]}
                  - {field: 教育, years: [{fy: 2016, budget: "＊", actual: "＊"}]}
                  - {field: 防災・安全・安心, years: [{fy: 2016, budget: "＊", actual: "＊"}]}
                total:
                  years: [{fy: 2016, budget: 43, actual: 41}]
      invalid:
        - yaml: |
            budgets:
              unit: 百万円
              tables:
                - category: 情報発信サイト等
                  rows:
                    - {field: 地域の情報化, years: [{fy: 2016, budget: 0, actual: 0}]}
                    - {field: 行政の情報化, years: [{fy: 2016, budget: 37, actual: 37}]}
                    - {field: 環境・生活・衛生・廃棄物, years: [{fy: 2016, budget: "＊", actual: "＊"}]}
                    - {field: 保健・医療・福祉, years: [{fy: 2016, budget: 1, actual: 1}]}
                    - {field: 経済・商工・観光・雇用, years: [{fy: 2016, budget: 110, actual: 102}]}
                    - {field: 農業・林業・水産業, years: [{fy: 2016, budget: 3, actual: 3}]}
                    - {field: 公共土木施設, years: [{fy: 2016, budget: 0, actual: 0}]}
                    - {field: 教育, years: [{fy: 2016, budget: "＊", actual: "＊"}]}
                    - {field: 防災・安全・安心, years: [{fy: 2016, budget: "＊", actual: "＊"}]}
                  total:
                    years:
                      - {fy: 2016, count: 29, budget: 159, actual: 145}  # expect: budget-amount-sum
          messages:
            - ja: "情報発信サイト等（平成28年度）の予算額：分野の行の和は151＋＊×3＝148百万円超〜157百万円未満（印刷された金額はそれぞれ±0.5、＊は0超1未満）ですが、合計の行は159百万円（158.5以上〜159.5未満）です"
              en: "情報発信サイト等 FY2016 予算額: the field rows add up to 151 + 3×＊ = somewhere between 148 and 157 (each printed amount ±0.5, each ＊ more than 0 and less than 1), but the 合計 row says 159 (158.5–159.5)"
        - yaml: |
            budgets:
              tables:
                - category: 個別事業
                  rows:
                    - {field: 地域の情報化, years: [{fy: 2014, budget: 7, actual: 7}]}
                    - {field: 行政の情報化, years: [{fy: 2014, budget: 903, actual: 858}]}
                  total:
                    years:
                      - {fy: 2014, budget: 910, actual: 868}  # expect: budget-amount-sum
          messages:
            - "個別事業 FY2014 実績額: the field rows add up to 865 = 864–866 (each printed amount ±0.5), but the 合計 row says 868 (867.5–868.5)"

  - id: budget-ratio
    severity: error
    summary:
      ja: "対予算額比（実績額÷予算額）は、丸めの範囲で合計行の実績額÷予算額×100と一致する。"
      en: 対予算額比 (actual ÷ budget) agrees with the 合計 row's 実績額 ÷ 予算額 × 100 within rounding.
    description:
      ja: |
        各事業費表の下の対予算額比は、その年度の実績額の合計を予算額の合計に対する百分率
        （実績額÷予算額×100）で、小数1桁で示します。ここでは二つの丸めが重なり、ルールは両方を
        考慮します：

        1. **比率自身の丸め**：印刷された90.6は90.55以上90.65未満を表します。
        2. **金額の丸め**：自治体は真の金額から比率を計算しましたが、私たちに見えるのは丸めた合計の
           セルだけです。実績額6525は6524.5以上6525.5未満、予算額7199は7198.5以上7199.5未満を表すので、
           真の比率は、最小の実績額÷最大の予算額から最大の実績額÷最小の予算額までの間にあります。

        二つの範囲が重なれば比率は一致しています。自治体が真の金額で割っても丸めた金額で割っても、
        どちらも二つめの範囲の中の比率になります。

        **計算例**（宮城、個別事業、平成26年度）：6524.5÷7199.5×100＝90.624…、6525.5÷7198.5×100＝90.650…
        なので、真の比率は90.624〜90.651です。印刷された90.6（90.55以上90.65未満）はこれと重なり、何も
        報告しません。金額が丸めの端にあれば90.6508…となるので90.7（90.65以上90.75未満）も受け入れますが、
        どの金額からも得られない90.5や90.8は誤りとします。

        合計の予算額が＊または0の年度には意味のある比率がないので照合しません。合計行に単一のセルが
        ない年度の比率も照合しません（budget-ratio-year と budget-total-years を参照）。
      en: |
        Under each budget table, 対予算額比 gives the year's total actual spending as a
        percentage of the total budget (実績額 ÷ 予算額 × 100), printed with one decimal. Two
        roundings meet here, and the rule allows for both:

        1. **the ratio's own rounding**: a printed 90.6 stands for 90.55–90.65;
        2. **the amounts' rounding**: the office computed the ratio from the true amounts, of
           which we only see the rounded 合計 cells. 実績額 6525 stands for 6524.5–6525.5 and
           予算額 7199 for 7198.5–7199.5, so the true ratio lies between the smallest actual
           over the largest budget and the largest actual over the smallest budget.

        The ratio agrees when the two ranges overlap — whether the office divided the true
        amounts or the rounded ones, both give a ratio inside the second range.

        **Worked example** (Miyagi, 個別事業, FY2014): 6524.5 ÷ 7199.5 × 100 = 90.624… and
        6525.5 ÷ 7198.5 × 100 = 90.650…, so the true ratio is 90.624–90.651. The printed 90.6
        (90.55–90.65) overlaps it: nothing is reported. The check would also accept 90.7
        (90.65–90.75), because amounts at the edge of their rounding give 90.6508…; it rejects
        90.5 and 90.8, which no choice of amounts can produce.

        A year whose 合計 budget is ＊ or 0 has no meaningful ratio and is not checked; neither
        is a ratio whose year has no single cell in the 合計 row (see budget-ratio-year and
        budget-total-years).
    help:
      ja: "合計行の実績額を予算額で割って100を掛け、印刷された桁数に丸めてください。誤って印刷された比率か金額を直してください。"
      en: Divide the 合計 row's 実績額 by its 予算額, multiply by 100 and round to the printed decimals; correct the ratio or the amount that was printed wrong.
    tags: [budgets, arithmetic, rounding]
    for: budgets?.tables[* as table].ratio?[*]
    when: |
      totals.size() == 1 && type(totals[0].budget) == 'number' && type(totals[0].actual) == 'number'
        && exact(totals[0].budget) > 0 && type(self.percent) == 'number'
    let:
      totals: table.total.years.filter(y, y.fy == self.fy)
      t: totals[0]
      # The amounts and the ratio are printed rounded half-up.
      ratio: rounded(t.actual) / rounded(t.budget) * 100
    assert: ratio ~= rounded(self.percent)
    at: self.percent
    message:
      ja: "{table.category}（{fiscalYearText(self.fy)}）の対予算額比は{self.percent}%（{lower(rounded(self.percent))}以上〜{upper(rounded(self.percent))}未満）ですが、合計行の実績額÷予算額は{t.actual}÷{t.budget}＝{round(ratio, 2)}%で、両方の金額を±0.5としても{round(lower(ratio), 3)}〜{round(upper(ratio), 3)}%にしかなりません"
      en: "{table.category} FY{self.fy} 対予算額比 says {self.percent}% ({lower(rounded(self.percent))}–{upper(rounded(self.percent))}), but 実績額 ÷ 予算額 of the 合計 row is {t.actual} ÷ {t.budget} = {round(ratio, 2)}%, and with both amounts ±0.5 only {round(lower(ratio), 3)}–{round(upper(ratio), 3)}%"
    labels:
      - at: t.actual
        message: 実績額
      - at: t.budget
        message: 予算額
    examples:
      valid:
        - |
          budgets:
            tables:
              - category: 個別事業
                total:
                  years:
                    - {fy: 2014, budget: 7199, actual: 6525}
                    - {fy: 2015, budget: "＊", actual: "＊"}
                ratio:
                  - {fy: 2014, percent: 90.6}
                  - {fy: 2015, percent: 100.0}
      invalid:
        - yaml: |
            budgets:
              tables:
                - category: 個別事業
                  total:
                    years:
                      - {fy: 2014, budget: 7199, actual: 6525}
                  ratio:
                    - {fy: 2014, percent: 90.8}  # expect: budget-ratio
          messages:
            - ja: "個別事業（平成26年度）の対予算額比は90.8%（90.75以上〜90.85未満）ですが、合計行の実績額÷予算額は6525÷7199＝90.64%で、両方の金額を±0.5としても90.624〜90.651%にしかなりません"
              en: "個別事業 FY2014 対予算額比 says 90.8% (90.75–90.85), but 実績額 ÷ 予算額 of the 合計 row is 6525 ÷ 7199 = 90.64%, and with both amounts ±0.5 only 90.624–90.651%"

  - id: budget-row-years
    severity: error
    summary:
      ja: "事業費表の分野の各行は、表の年度ごとに一つのセルを列の順に持つ。"
      en: Each field row of a budget table has one cell per fiscal year of the table, in column order.
    description:
      ja: |
        事業費表は年度の列を `fiscal_years` に並べ（H26、H27、H28 → 2014、2015、2016）、各行は列ごとに一つの
        セルをその順で持ちます。年度が抜けた・重複した・順序が違う行は転記の誤りで、列の和が
        違うセルを比べることになります。行がずれている間は、budget-count-sum と budget-amount-sum は
        その年度を飛ばすので、誤りはここで一度だけ報告されます。
      en: |
        A budget table lists its year columns in `fiscal_years` (H26, H27, H28 → 2014, 2015,
        2016), and every row gives one cell per column, in that order. A row with a year
        missing, repeated or out of order is a transcription slip that would make the column
        sums compare the wrong cells; while a row is misaligned, budget-count-sum and
        budget-amount-sum skip that year, so the slip is reported once, here.
    help:
      ja: "行に `fiscal_years` の年度ごとに一つの `{fy, count, budget, actual}` のセルを、同じ順で与えてください。"
      en: Give the row one `{fy, count, budget, actual}` cell per year of `fiscal_years`, in the same order.
    tags: [budgets, structure]
    for: budgets?.tables[* as table].rows[*]
    let:
      years: self.years.map(y, y.fy)
      first: self.years.filter(i, y, i >= size(table.fiscal_years) || y.fy != table.fiscal_years[i])
    assert: years == table.fiscal_years
    at: "first.size() > 0 ? first[0].fy : self.field"
    message:
      ja: "{table.category}の表の行{self.field}の年度は{years}ですが、表の列は{table.fiscal_years}です"
      en: "row {self.field} of the {table.category} table has the years {years}, but the table's columns are {table.fiscal_years}"
    labels:
      - at: table.fiscal_years
        message:
          ja: "表の列"
          en: the table's columns
    examples:
      valid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015]
                rows:
                  - {field: 教育, years: [{fy: 2014, count: 10}, {fy: 2015, count: 10}]}
      invalid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015, 2016]
                rows:
                  - field: 教育
                    years:
                      - {fy: 2014, count: 10}
                      - {fy: 2016, count: 10}  # expect: budget-row-years
                      - {fy: 2015, count: 10}
                  - field: 防災・安全・安心  # expect: budget-row-years
                    years:
                      - {fy: 2014, count: 7}
                      - {fy: 2015, count: 5}

  - id: budget-total-years
    severity: error
    summary:
      ja: "事業費表の合計行は、表の年度ごとに一つのセルを列の順に持つ。"
      en: The 合計 row of a budget table has one cell per fiscal year of the table, in column order.
    description:
      ja: |
        分野の行と同じく、合計の行は表の年度の列ごとに一つのセルを `fiscal_years` の順に持ちます。
        そうでない間は表の列の和と比率を照合しないので、誤りはここで一度だけ報告されます。
      en: |
        Like every field row, the 合計 (total) row gives one cell per year column of the table,
        in the order of `fiscal_years`. While it does not, the column sums and ratios of the
        table are not checked, so the slip is reported once, here.
    help:
      ja: "合計の行に `fiscal_years` の年度ごとに一つの `{fy, count, budget, actual}` のセルを、同じ順で与えてください。"
      en: Give the 合計 row one `{fy, count, budget, actual}` cell per year of `fiscal_years`, in the same order.
    tags: [budgets, structure]
    for: budgets?.tables[* as table].total
    let:
      years: self.years.map(y, y.fy)
      first: self.years.filter(i, y, i >= size(table.fiscal_years) || y.fy != table.fiscal_years[i])
    assert: years == table.fiscal_years
    at: "first.size() > 0 ? first[0].fy : self.years"
    message:
      ja: "{table.category}の表の合計行の年度は{years}ですが、表の列は{table.fiscal_years}です"
      en: "the 合計 row of the {table.category} table has the years {years}, but the table's columns are {table.fiscal_years}"
    labels:
      - at: table.fiscal_years
        message:
          ja: "表の列"
          en: the table's columns
    examples:
      valid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015]
                total: {years: [{fy: 2014, count: 98}, {fy: 2015, count: 98}]}
      invalid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015]
                total:
                  years:
                    - {fy: 2014, count: 98}
                    - {fy: 2014, count: 98}  # expect: budget-total-years

  - id: budget-ratio-year
    severity: error
    summary:
      ja: "対予算額比の各項目は表の年度のどれかについてのもので、同じ年度の項目は二つない。"
      en: Each 対予算額比 entry is for one of the table's fiscal years, and no year has two.
    description:
      ja: |
        対予算額比の行は、その表の年度の列ごとに多くても一つの百分率を示します。表にない年度の項目や、
        同じ年度の二つめの項目は、合計行と照合できず、ほぼ必ず転記の誤りです。
      en: |
        The 対予算額比 row gives at most one percentage per year column of its table. An entry
        for a year the table does not have, or a second entry for the same year, cannot be
        checked against the 合計 row and is almost always a transcription slip.
    help:
      ja: "項目に、印刷されている列の `fy` を与え、重複を取り除いてください。"
      en: Give the entry the `fy` of the column it is printed under, and remove the duplicate.
    tags: [budgets, structure]
    for: budgets?.tables[* as table].ratio?[*]
    let:
      known: self.fy in table.fiscal_years
      repeated: table.ratio.exists(i, r, i < index && r.fy == self.fy)
    assert: known && !repeated
    at: self.fy
    message:
      ja: "{table.category}の表の対予算額比に{known ? fiscalYearText(self.fy) + 'の二つめの項目' : '表に列のない年度' + fiscalYearText(self.fy) + 'の項目（列：' + join(table.fiscal_years.map(y, fiscalYearText(y)), '、') + '）'}があります"
      en: "the {table.category} table's 対予算額比 has {known ? 'a second entry for FY' + string(self.fy) : 'an entry for FY' + string(self.fy) + ', a year the table has no column for (its columns: ' + string(table.fiscal_years.map(y, exact(y))) + ')'}"
    examples:
      valid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015]
                ratio: [{fy: 2014, percent: 90.6}, {fy: 2015, percent: 79.1}]
      invalid:
        - |
          budgets:
            tables:
              - category: 個別事業
                fiscal_years: [2014, 2015]
                ratio:
                  - {fy: 2014, percent: 90.6}
                  - {fy: 2014, percent: 79.1}  # expect: budget-ratio-year
                  - {fy: 2016, percent: 73.2}  # expect: budget-ratio-year

  - id: budget-row-field
    severity: error
    summary:
      ja: "事業費表の各行は、計画の分野を `fields` の表記どおりに指す。"
      en: Each row of a budget table names a field (分野) of the plan, spelt as in `fields`.
    description:
      ja: |
        事業費表の行は計画の分野です。行とその分野の事業を比べるルール（field-year-project-count）は
        分野を名前で探すので、行の名前は分野の `name` と完全に同じ表記でなければなりません。
        ・の抜けや全角・半角の違いがあると、行はどの分野にも一致しません。
      en: |
        The rows of the budget tables are the plan's fields (分野). Rules that compare a row
        with the projects of its field (field-year-project-count) find the field by its name,
        so a row name must be spelt exactly as the field's `name` — a missing ・ or a
        full-width/half-width difference makes the row match nothing.
    help:
      ja: "分野の名前を `fields[].name` から行の `field` に写すか、分野の名前を直してください。"
      en: Copy the field's name from `fields[].name` into the row's `field`, or correct the field's name.
    tags: [budgets, structure]
    for: budgets?.tables[* as table].rows[*].field
    assert: root.fields.exists(f, f.name == self)
    message:
      ja: "{table.category}の表の行{self}は計画のどの分野も指していません。分野は{join(root.fields.map(f, f.name), '、')}です"
      en: "row {self} of the {table.category} table names no field of the plan; the fields are {join(root.fields.map(f, f.name), '、')}"
    examples:
      valid:
        - |
          fields:
            - {number: 1, name: 地域の情報化}
          budgets:
            tables:
              - category: 個別事業
                rows: [{field: 地域の情報化}]
      invalid:
        - |
          fields:
            - {number: 1, name: 地域の情報化}
            - {number: 2, name: 行政の情報化}
          budgets:
            tables:
              - category: 個別事業
                rows:
                  - field: 地域の情報化
                  - field: 行政情報化  # expect: budget-row-field

"""#),
        (path: "Rules/counts.yaml", text: #"""
# Counts the document states in words (計６事業, ９分野計２０項目, 全１０２事業) must agree with
# what it lists, and projects are numbered 1, 2, 3 … within each item. Format:
# Docs/plan-format.md; rule format: Docs/rules.md.
# These rules check files in plan format 1 (`planlint/plan@1`, deprecated); plan@2 files are
# checked from their own declarations by the plan-*.yaml rules.
format: planlint/plan@1
rules:
  - id: field-project-count
    severity: error
    summary:
      ja: "分野に述べられた事業数（計N事業）は、その下に並ぶ事業の数に等しい。"
      en: A field's stated number of projects (計N事業) equals the projects listed under it.
    description:
      ja: |
        各分野は事業の数を印刷しています（計６事業）。それは分野の項目の下に並ぶ事業の数に
        等しくなければなりません。差があれば、事業が一覧から抜けたか、二重に載ったか、別の分野に
        置かれています。
      en: |
        Each field prints the number of its projects (計６事業). It must equal the number of
        projects listed in the field's items. A difference means a project is missing from the
        list, listed twice, or filed under the wrong field.
    help:
      ja: "分野の項目の下に並ぶ事業を数え、`stated_projects` か一覧を直してください。"
      en: Count the projects listed under the field's items and correct `stated_projects` or the list.
    tags: [counts, projects]
    for: fields?[*]
    when: type(get(self, 'stated_projects', null)) == 'number'
    let:
      listed: sum(self.items.map(i, size(i.projects)))
    assert: self.stated_projects == listed
    at: self.stated_projects
    message:
      ja: "分野{self.number}（{self.name}）は{self.stated_projects}事業としていますが、並んでいるのは{listed}事業です"
      en: "field {self.number} ({self.name}) states {self.stated_projects} projects, but lists {listed}"
    labels:
      - each: self.items
        as: item
        at: item.projects
        message:
          ja: "項目{item.number}：{size(item.projects)}事業"
          en: "item {item.number}: {size(item.projects)} projects"
    examples:
      valid:
        - |
          fields:
            - number: 1
              name: 地域の情報化
              stated_projects: 3
              items:
                - {number: 1, projects: [{number: 1}, {number: 2}]}
                - {number: 2, projects: [{number: 1}]}
            - number: 2
              name: 行政の情報化
              items: []
      invalid:
        - |
          fields:
            - number: 1
              name: 地域の情報化
              stated_projects: 4  # expect: field-project-count
              items:
                - {number: 1, projects: [{number: 1}, {number: 2}]}
                - {number: 2, projects: [{number: 1}]}

  - id: stated-field-count
    severity: error
    summary:
      ja: "述べられた分野の数（N分野）は、並ぶ分野の数に等しい。"
      en: The stated number of fields (N分野) equals the fields listed.
    description:
      ja: |
        計画の本文は分野の数を述べています（例：９分野計２０項目）。その数は `fields` に並ぶ分野の数に
        等しくなければなりません。
      en: |
        The plan's prose states how many fields (分野) it has, e.g. ９分野計２０項目. The number
        must equal the fields listed under `fields`.
    help:
      ja: "`stated_counts.fields` を直すか、抜けている・余分な分野を加える・除いてください。"
      en: Correct `stated_counts.fields`, or add or remove the field that is missing or extra.
    tags: [counts]
    for: stated_counts?.fields?
    when: type(self) == 'number'
    assert: self == size(root.fields)
    message:
      ja: "計画は{self}分野としていますが、並んでいるのは{size(root.fields)}分野です"
      en: "the plan states {self} fields, but lists {size(root.fields)}"
    examples:
      valid:
        - |
          fields: [{number: 1}, {number: 2}]
          stated_counts: {fields: 2}
      invalid:
        - |
          fields: [{number: 1}, {number: 2}]
          stated_counts:
            fields: 3  # expect: stated-field-count

  - id: stated-item-count
    severity: error
    summary:
      ja: "述べられた項目の数（計N項目）は、全分野に並ぶ項目の数に等しい。"
      en: The stated number of items (計N項目) equals the items listed in all fields.
    description:
      ja: |
        計画の本文は分野に含まれる項目の総数を述べています（例：９分野計２０項目）。その数は全分野の
        下に並ぶ項目の数に等しくなければなりません。
      en: |
        The plan's prose states how many items (項目) its fields hold together, e.g.
        ９分野計２０項目. The number must equal the items listed under all fields.
    help:
      ja: "`stated_counts.items` を直すか、抜けている・余分な項目を加える・除いてください。"
      en: Correct `stated_counts.items`, or add or remove the item that is missing or extra.
    tags: [counts]
    for: stated_counts?.items?
    when: type(self) == 'number'
    let:
      listed: sum(root.fields.map(f, size(f.items)))
    assert: self == listed
    message:
      ja: "計画は{self}項目としていますが、分野に並んでいるのは{listed}項目です"
      en: "the plan states {self} items, but its fields list {listed}"
    labels:
      - each: root.fields
        as: field
        at: field.items
        message:
          ja: "分野{field.number}：{size(field.items)}項目"
          en: "field {field.number}: {size(field.items)} items"
    examples:
      valid:
        - |
          fields:
            - {number: 1, items: [{number: 1}, {number: 2}]}
            - {number: 2, items: [{number: 1}]}
          stated_counts: {items: 3}
      invalid:
        - |
          fields:
            - {number: 1, items: [{number: 1}, {number: 2}]}
            - {number: 2, items: [{number: 1}]}
          stated_counts: {fields: 2, items: 4}  # expect: stated-item-count

  - id: stated-project-count
    severity: error
    summary:
      ja: "述べられた事業の数（全N事業）は、計画全体に並ぶ事業の数に等しい。"
      en: The stated number of projects (全N事業) equals the projects listed in the whole plan.
    description:
      ja: |
        計画は掲載する事業の総数を述べています（プラン掲載の事業数 全１０２事業）。その数は全分野・
        全項目の下に並ぶ事業の数に等しくなければなりません。
      en: |
        The plan states how many projects it lists in all (プラン掲載の事業数 全１０２事業). The
        number must equal the projects listed under all fields and items.
    help:
      ja: "`stated_counts.projects` を直すか、抜けている・二重に載った事業を見つけてください。"
      en: Correct `stated_counts.projects`, or find the project that is missing or listed twice.
    tags: [counts, projects]
    for: stated_counts?.projects?
    when: type(self) == 'number'
    let:
      listed: sum(root.fields.map(f, sum(f.items.map(i, size(i.projects)))))
    assert: self == listed
    message:
      ja: "計画は{self}事業としていますが、並んでいるのは{listed}事業です"
      en: "the plan states {self} projects, but lists {listed}"
    examples:
      valid:
        - |
          fields:
            - items: [{projects: [{number: 1}, {number: 2}]}, {projects: [{number: 1}]}]
            - items: [{projects: [{number: 1}]}]
          stated_counts: {projects: 4}
      invalid:
        - |
          fields:
            - items: [{projects: [{number: 1}, {number: 2}]}, {projects: [{number: 1}]}]
            - items: [{projects: [{number: 1}]}]
          stated_counts:
            projects: 102  # expect: stated-project-count

  - id: project-numbers-sequential
    severity: error
    summary:
      ja: "項目の事業は、印刷順に1、2、3…と欠番・重複なく番号が振られている。"
      en: The projects of an item are numbered 1, 2, 3 … in printed order, without gaps or repeats.
    description:
      ja: |
        事業は項目の中で、印刷された順に1から番号が振られます。番号が重複すると項目２の事業３のような
        参照があいまいになり、欠番はたいてい事業が一覧から落ちたことを意味します。このルールは
        各項目で番号が順番を外れた最初の事業を報告します。
      en: |
        Projects are numbered within their item, starting at 1, in the order they are printed.
        A repeated number makes references such as 項目２の事業３ ambiguous; a gap usually means
        a project was dropped from the list. The rule reports the first project of each item
        whose number breaks the sequence.
    help:
      ja: "項目の事業に印刷順で1、2、3…と番号を振り直すか、抜けた事業を戻してください。"
      en: Renumber the item's projects 1, 2, 3 … in printed order, or restore the missing project.
    tags: [numbering, projects]
    for: fields?[*].items[*].projects[*]
    # A number that is not a number is the schema's finding.
    when: type(self.number) == 'number' && (index == 0 || parent[index - 1].number == index)
    assert: self.number == index + 1
    at: self.number
    message:
      ja: "項目の{index + 1}番目の事業の番号が{self.number}です。{index + 1}のはずです"
      en: "project {index + 1} of its item is numbered {self.number}; expected {index + 1}"
    labels:
      - each: "index > 0 ? [parent[index - 1]] : []"
        as: previous
        at: previous.number
        message:
          ja: "直前の事業"
          en: the project before it
    examples:
      valid:
        - |
          fields:
            - items:
                - projects: [{number: 1}, {number: 2}, {number: 3}]
                - projects: [{number: 1}]
      invalid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1}
                    - {number: 2}
                    - {number: 2}  # expect: project-numbers-sequential
                    - {number: 3}
                - projects:
                    - {number: 1}
                    - {number: 3}  # expect: project-numbers-sequential
                    - {number: 4}
                - projects:
                    - {number: 2}  # expect: project-numbers-sequential

  - id: item-numbers-sequential
    severity: error
    summary:
      ja: "分野の項目は、印刷順に1、2、3…と欠番・重複なく番号が振られている。"
      en: The items of a field are numbered 1, 2, 3 … in printed order, without gaps or repeats.
    description:
      ja: |
        項目は分野の中で、印刷された順に1から番号が振られます。このルールは各分野で番号が順番を
        外れた最初の項目を報告します。
      en: |
        Items (項目) are numbered within their field, starting at 1, in printed order. The rule
        reports the first item of each field whose number breaks the sequence.
    help:
      ja: "分野の項目に印刷順で1、2、3…と番号を振り直すか、抜けた項目を戻してください。"
      en: Renumber the field's items 1, 2, 3 … in printed order, or restore the missing item.
    tags: [numbering]
    for: fields?[*].items[*]
    # A number that is not a number is the schema's finding.
    when: type(self.number) == 'number' && (index == 0 || parent[index - 1].number == index)
    assert: self.number == index + 1
    at: self.number
    message:
      ja: "分野の{index + 1}番目の項目の番号が{self.number}です。{index + 1}のはずです"
      en: "item {index + 1} of its field is numbered {self.number}; expected {index + 1}"
    examples:
      valid:
        - |
          fields:
            - items: [{number: 1}, {number: 2}]
      invalid:
        - |
          fields:
            - items:
                - number: 1
                - number: 3  # expect: item-numbers-sequential

  - id: field-numbers-sequential
    severity: error
    summary:
      ja: "分野は、印刷順に1、2、3…と欠番・重複なく番号が振られている。"
      en: The fields (分野) are numbered 1, 2, 3 … in printed order, without gaps or repeats.
    description:
      ja: |
        分野は印刷された順に1から番号が振られ（1 地域の情報化、2 行政の情報化…）、事業の一覧は番号で
        分野を参照します。番号が重複すると参照があいまいになり、欠番はたいてい分野が落ちたことを
        意味します。このルールは番号が順番を外れた最初の分野を報告します。
      en: |
        Fields (分野) are numbered from 1 in printed order (1 地域の情報化, 2 行政の情報化, …),
        and the project list refers to them by number. A repeated number makes a reference
        ambiguous; a gap usually means a field was dropped. The rule reports the first field
        whose number breaks the sequence.
    help:
      ja: "分野に印刷順で1、2、3…と番号を振り直すか、抜けた分野を戻してください。"
      en: Renumber the fields 1, 2, 3 … in printed order, or restore the missing field.
    tags: [numbering]
    for: fields?[*]
    # A number that is not a number is the schema's finding.
    when: type(self.number) == 'number' && (index == 0 || parent[index - 1].number == index)
    assert: self.number == index + 1
    at: self.number
    message:
      ja: "{index + 1}番目の分野（{self.name}）の番号が{self.number}です。{index + 1}のはずです"
      en: "field {index + 1} ({self.name}) is numbered {self.number}; expected {index + 1}"
    examples:
      valid:
        - |
          fields:
            - {number: 1, name: 地域の情報化}
            - {number: 2, name: 行政の情報化}
      invalid:
        - |
          fields:
            - {number: 1, name: 地域の情報化}
            - number: 3  # expect: field-numbers-sequential
              name: 行政の情報化

  - id: stated-priority-goal-count
    severity: error
    summary:
      ja: "述べられた重点目標の数（Nつの重点目標）は、並ぶ目標の数に等しい。"
      en: The stated number of priority goals (Nつの重点目標) equals the goals listed.
    description:
      ja: |
        計画の本文は重点目標の数を述べています（例：５つの重点目標）。その数は `plan.priority_goals` に
        並ぶ目標の数に等しくなければなりません。
      en: |
        The plan's prose states how many priority goals (重点目標) it sets, e.g.
        ５つの重点目標. The number must equal the goals listed under `plan.priority_goals`.
    help:
      ja: "`stated_counts.priority_goals` を直すか、抜けている・余分な目標を加える・除いてください。"
      en: Correct `stated_counts.priority_goals`, or add or remove the goal that is missing or extra.
    tags: [counts]
    for: stated_counts?.priority_goals?
    when: type(self) == 'number'
    let:
      listed: size(get(root.plan, 'priority_goals', []))
    assert: self == listed
    message:
      ja: "計画は重点目標を{self}つとしていますが、並んでいるのは{listed}つです"
      en: "the plan states {self} priority goals (重点目標), but lists {listed}"
    examples:
      valid:
        - |
          plan:
            priority_goals: [安全・安心なくらし, 行政運営の最適化]
          stated_counts: {priority_goals: 2}
      invalid:
        - |
          plan:
            priority_goals: [安全・安心なくらし, 行政運営の最適化]
          stated_counts:
            priority_goals: 5  # expect: stated-priority-goal-count

"""#),
        (path: "Rules/plan-base.yaml", text: #"""
# Plan format 2: what the plan@2 rule files share — helpers that read a plan's own declarations
# (tables and their columns, levels and nodes, scales) — and the rules on the scales themselves.
# A pack shares its constants and functions with every rule file loaded with it; they are
# defined here, in the file that loads first. Format: Docs/plan-format.md; rule format:
# Docs/rules.md.
format: planlint/plan@2

constants:
  # Positions 0…99, to pair a table's columns, groups or levels with their cells.
  positions: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
              25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 49,
              50, 51, 52, 53, 54, 55, 56, 57, 58, 59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72, 73, 74,
              75, 76, 77, 78, 79, 80, 81, 82, 83, 84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99]
  # The column kinds whose cells add up to the total row.
  summedKinds: [count, amount, total]
  # Characters often typed for a printed mark, for "did you mean" (the check itself reads the
  # scale's declared symbols).
  lookalikes: {〇: ○, ◯: ○, o: ○, O: ○, ｏ: ○, ◦: ○, "-": －, ー: －, ―: －, ‐: －, −: －, x: ×, X: ×, ✕: ×, ✖: ×, ⊚: ◎, ▲: △, Ａ: A, Ｂ: B, Ｃ: C, Ｄ: D, Ｓ: S}

functions:
  # A column is its heading, or a mapping with `name` and `kind`.
  colName(c): "type(c) == 'string' ? c : c.name"
  colKind(t, c): "type(c) == 'string' || !has(c.kind) ? (has(t.unit) ? 'amount' : 'count') : c.kind"
  groupCount(t): "has(t.groups) ? size(t.groups) : 1"
  rowWidth(t): 1 + groupCount(t) * size(t.columns)
  # The position of column `j` of group `g` in a row (the row's name is at 0).
  cellIndex(t, g, j): 1 + g * size(t.columns) + j
  columnOf(t, i): "t.columns[(i - 1) % size(t.columns)]"
  groupOf(t, i): (i - 1 - (i - 1) % size(t.columns)) / size(t.columns)
  isRatioRow(t, r): "has(t.ratios) && type(r[0]) == 'string' && r[0] in t.ratios"
  isTotalRow(t, r): has(t.total) && r[0] == t.total
  dataRows(t): t.rows.filter(r, !isTotalRow(t, r) && !isRatioRow(t, r))
  totalRows(t): t.rows.filter(r, isTotalRow(t, r))
  groupFy(t, g): "!has(t.groups) ? null : (type(t.groups[g]) == 'number' ? t.groups[g] : (type(t.groups[g]) == 'map' ? get(t.groups[g], 'fy', null) : null))"
  groupName(t, g): "!has(t.groups) ? '' : (groupFy(t, g) != null ? ' FY' + string(groupFy(t, g)) : ' ' + string(type(t.groups[g]) == 'map' ? get(t.groups[g], 'name', g + 1) : t.groups[g]))"
  # In a Japanese message: （平成28年度） — in the era, as Japanese plans print their years, unless
  # the group's printed name writes the year without one (2016年度).
  groupNameJa(t, g): "!has(t.groups) ? '' : '（' + (groupFy(t, g) != null ? (type(t.groups[g]) == 'map' && has(t.groups[g].name) ? fiscalYearText(groupFy(t, g), string(t.groups[g].name)) : fiscalYearText(groupFy(t, g))) : string(type(t.groups[g]) == 'map' ? get(t.groups[g], 'name', g + 1) : t.groups[g])) + '）'"
  # A cell as a number: counts exactly, amounts under the table's rounding and symbols.
  readCell(t, kind, x): "kind == 'count' ? x : amount(x, t)"
  readable(t, kind, x): "kind == 'count' ? type(x) == 'number' : (x == null || isAmount(x, t) || (has(t.symbols) && type(x) == 'string' && x in t.symbols))"
  # A printed percentage, as the column (or ratio row) declares its rounding and decimals.
  percent(d, x): "rounded(x, get(d, 'rounding', 'half-up'), get(d, 'precision', null) == null ? null : d.precision)"
  levelName(l): "type(l) == 'string' ? l : l.name"
  children(ns): "flatten(ns.map(n, get(n, 'nodes', [])))"
  # The nodes `d` levels below the list `ns` (1: the list itself); up to six levels.
  nodesAt(ns, d): "d <= 1 ? ns : (d == 2 ? children(ns) : (d == 3 ? children(children(ns)) : (d == 4 ? children(children(children(ns))) : (d == 5 ? children(children(children(children(ns)))) : children(children(children(children(children(ns)))))))))"
  levelDepths(levels, name): "positions.filter(i, i < size(levels) && levelName(levels[i]) == name)"
  # The depth of the level called `name` (1 for the first), or 0 when the plan has no such level.
  depthOf(doc, name): "!has(doc.levels) ? 0 : get(levelDepths(doc.levels, name), 0, -1) + 1"
  # The nodes of the level called `name`, in printed order.
  levelNodes(doc, name): "depthOf(doc, name) == 0 || !has(doc.nodes) ? [] : nodesAt(doc.nodes, depthOf(doc, name))"
  # The scale of the marks at depth `d`: the level's own, else the plan's only scale.
  onlyScale(doc): "has(doc.scales) && size(doc.scales) == 1 ? keys(doc.scales)[0] : null"
  levelScale(doc, l): "type(l) == 'map' && has(l.scale) ? l.scale : onlyScale(doc)"
  scaleAt(doc, d): "has(doc.levels) && size(doc.levels) >= d ? levelScale(doc, doc.levels[d - 1]) : onlyScale(doc)"
  firstYear(doc, n): "get(n, 'start', doc.plan.period.start)"
  lastYear(doc, n): "get(n, 'end', doc.plan.period.end)"
  # (firstYear and lastYear written out: these run once per node per count.)
  runsIn(doc, n, fy): get(n, 'start', doc.plan.period.start) <= fy && fy <= get(n, 'end', doc.plan.period.end)
  hasPeriod(doc): has(doc.plan.period) && type(get(doc.plan.period, 'start', null)) == 'number' && type(get(doc.plan.period, 'end', null)) == 'number'
  # Whether every node of `ns` has a first and a last year. With a period, firstYear(doc, n)
  # is a number exactly when n's own `start` is one or is missing: what `ownYearsKnown` reads.
  ownYearsKnown(n): "type(get(n, 'start', 0)) == 'number' && type(get(n, 'end', 0)) == 'number'"
  yearsKnown(doc, ns): "hasPeriod(doc) && ns.all(n, type(get(n, 'start', 0)) == 'number' && type(get(n, 'end', 0)) == 'number')"
  # The symbol a row name begins with (A(100%以上) → A): the longest declared one.
  symbolOf(symbols, name): "keys(symbols).filter(s, startsWith(name, s)).sortBy(s, -size(s)).map(s, string(s))"
  hasBand(g): has(g.min) || has(g.above) || has(g.max) || has(g.below)
  # What a stated figure's `of` points at: a level name, {level, mark, fy}, or {goals: heading}.
  targetLevel(o): "type(o) == 'string' ? o : get(o, 'level', '')"
  isGoals(o): type(o) == 'map' && has(o.goals)
  yearOf(o, fy): "fy != null ? fy : (type(o) == 'map' ? get(o, 'fy', null) : null)"
  markOf(o): "type(o) == 'map' && has(o.mark) ? string(o.mark) : null"
  # The nodes of o's level under the list `ns`, which holds the nodes at depth `d0`.
  targetNodes(doc, ns, d0, o): nodesAt(ns, depthOf(doc, targetLevel(o)) - d0 + 1)
  countable(doc, ns, d0, o, fy): "isGoals(o) ? has(doc.plan.goals) && o.goals in doc.plan.goals : depthOf(doc, targetLevel(o)) >= d0 && (yearOf(o, fy) == null || yearsKnown(doc, targetNodes(doc, ns, d0, o)))"
  # The nodes of `ns` with the mark `mark` (null: any, tested once per count: it reads no node);
  # and of those, the ones running in `fy`, a missing start or end being the plan period's `from`
  # or `to` (the period read once per count; a null mark tested once, written out for speed).
  countMarked(ns, mark): "ns.count(n, mark == null || (has(n.mark) && string(n.mark) == mark))"
  countRunning(ns, mark, fy, from, to): "type(ns) == 'list' && mark == null ? ns.count(n, get(n, 'start', from) <= fy && fy <= get(n, 'end', to)) : ns.count(n, (mark == null || (has(n.mark) && string(n.mark) == mark)) && get(n, 'start', from) <= fy && fy <= get(n, 'end', to))"
  countOf(doc, ns, d0, o, fy): |
    isGoals(o) ? size(doc.plan.goals[o.goals])
      : (yearOf(o, fy) == null ? countMarked(targetNodes(doc, ns, d0, o), markOf(o))
          : countRunning(targetNodes(doc, ns, d0, o), markOf(o), yearOf(o, fy), doc.plan.period.start, doc.plan.period.end))
  describe(o, fy): "isGoals(o) ? string(o.goals) : targetLevel(o) + (markOf(o) != null ? ' marked ' + markOf(o) : '') + (yearOf(o, fy) != null ? ' running in FY' + string(yearOf(o, fy)) : '')"
  describeJa(o, fy): "isGoals(o) ? string(o.goals) : (yearOf(o, fy) != null ? fiscalYearText(yearOf(o, fy)) + 'に実施中の' : '') + (markOf(o) != null ? '評価が' + markOf(o) + 'の' : '') + targetLevel(o)"
  # Indicators: the scale of their grades (their own, or the plan's only scale with bands).
  bandScales(doc): "has(doc.scales) ? keys(doc.scales).filter(k, values(doc.scales[k].symbols).exists(g, type(g) == 'map' && hasBand(g))) : []"
  indicatorScale(doc, ind): "has(ind.scale) ? ind.scale : (size(bandScales(doc)) == 1 ? bandScales(doc)[0] : null)"
  formulaOf(doc, ind): "indicatorScale(doc, ind) == null || !has(doc.scales) || !(indicatorScale(doc, ind) in doc.scales) ? 'ratio' : get(get(doc.scales[indicatorScale(doc, ind)], 'rate', {}), 'formula', 'ratio')"
  computable(doc, ind, y): |
    type(get(y, 'target', null)) == 'number' && type(get(y, 'actual', null)) == 'number'
      && (formulaOf(doc, ind) == 'progress'
          ? has(ind.baseline) && type(get(ind.baseline, 'value', null)) == 'number' && y.target != ind.baseline.value
          : (get(ind, 'direction', 'up') == 'down' ? y.actual != 0 : y.target != 0))
  # An indicator year's printed rate, read with its scale's rounding (half-up by default).
  printedRate(doc, ind, y): "rounded(y.rate, indicatorScale(doc, ind) == null || !has(doc.scales) || !(indicatorScale(doc, ind) in doc.scales) ? 'half-up' : get(get(doc.scales[indicatorScale(doc, ind)], 'rate', {}), 'rounding', 'half-up'))"
  # Whether an indicator year's printed grade has a band on its scale to check it against.
  gradeCheckable(doc, ind, y): |
    has(y.grade) && indicatorScale(doc, ind) != null && has(doc.scales) && indicatorScale(doc, ind) in doc.scales
      && string(y.grade) in doc.scales[indicatorScale(doc, ind)].symbols
      && type(doc.scales[indicatorScale(doc, ind)].symbols[string(y.grade)]) == 'map'
      && hasBand(doc.scales[indicatorScale(doc, ind)].symbols[string(y.grade)])
  # The achievement rate (%) from the target and actual, by the scale's formula.
  rateOf(doc, ind, y): |
    formulaOf(doc, ind) == 'progress' ? (y.actual - ind.baseline.value) / (y.target - ind.baseline.value) * 100
      : (get(ind, 'direction', 'up') == 'down' ? y.target / y.actual : y.actual / y.target) * 100

rules:
  - id: scale-band-legend
    severity: error
    summary:
      ja: "評価の区分の範囲は、印刷された凡例の数値をそのまま使っている。"
      en: A grade's band uses exactly the numbers its printed legend gives.
    description:
      ja: |
        評価尺度は、各評価の印刷された凡例（`means`: 80〜99%）と達成率の範囲（`min: 80, max: 99`）
        を宣言します。planlintが評価を照合するのはこの範囲なので、範囲は凡例が印刷しているとおりで
        なければなりません。凡例の数値が範囲の境界そのものです。範囲がずれていると（凡例80〜99%に
        `min: 85`）、どの評価も間違っていないのに評価の照合がすべて狂います。
      en: |
        A scale declares each grade's printed legend (`means`: 80〜99%) and its band on the
        achievement rate (`min: 80, max: 99`). The band is what planlint checks grades against,
        so it must say what the legend prints: the numbers of the legend are exactly the bounds
        of the band. A band that was moved (`min: 85` under a legend of 80〜99%) makes every
        grade check wrong without any grade being wrong.
    help:
      ja: "範囲の境界を印刷された凡例から書き写してください（以上 → min、超 → above、以下 → max、未満 → below）。"
      en: Write the band's bounds from the printed legend (以上 → min, 超 → above, 以下 → max, 未満 → below).
    tags: [scales, grades]
    for: scales?[* as s].symbols[*]
    when: type(self) == 'map' && has(self.means) && (size(bounds) > 0 || size(printed) > 0)
    let:
      scaleName: keys(root.scales).filter(k, same(root.scales[k], s))[0]
      printed: sort(findAll(toHalfWidth(self.means), '[0-9]+[.]?[0-9]*').map(x, number(x)))
      bounds: sort(['min', 'above', 'max', 'below'].filter(b, has(self[b])).map(b, self[b]))
    assert: printed == bounds
    at: "size(bounds) > 0 ? self[['min', 'above', 'max', 'below'].filter(b, has(self[b]))[0]] : self.means"
    message:
      ja: "評価尺度{scaleName}の評価{key}：凡例{self.means}の数値は{join(printed, '、')}ですが、範囲の境界は{join(bounds, '、')}です"
      en: "grade {key} of the scale {scaleName}: its legend {self.means} prints {join(printed, ', ')}, but its band is bounded by {join(bounds, ', ')}"
    labels:
      - {at: self.means, message: {ja: "凡例", en: legend}}
    examples:
      valid:
        - |
          scales:
            達成度:
              symbols:
                A: {means: 100%以上, min: 100}
                B: {means: 80〜99%, min: 80, max: 99}
                C: {means: 80%未満, below: 80}
                対象外:
      invalid:
        - |
          scales:
            達成度:
              symbols:
                A: {means: 100%以上, min: 100}
                B: {means: 80〜99%, min: 85, max: 99}  # expect: scale-band-legend
                C: {means: 80%未満, below: 80}

  - id: scale-bands-overlap
    severity: error
    summary:
      ja: "評価尺度の二つの評価の範囲が重ならない（印刷どおりなら隙間はあってよい）。"
      en: No two grades of a scale have overlapping bands (gaps are allowed, as printed).
    description:
      ja: |
        一つの達成率に対応する評価は一つまでです。値を共有する二つの範囲（`max: 80` と `min: 80`）は、
        その達成率の評価をあいまいにします。接するだけの範囲（`below: 80` と `min: 80`）や、隙間の
        ある範囲（凡例によっては `max: 99` と `min: 100`）は問題ありません。
      en: |
        Each rate must lead to at most one grade. Two bands that share a value (`max: 80` and
        `min: 80`) make the grade of that rate ambiguous; bands that only touch (`below: 80`
        and `min: 80`) or leave a gap (`max: 99` and `min: 100`, as some legends print) are fine.
    help:
      ja: "重なっている境界を、印刷された凡例に合わせて直してください。"
      en: Correct the bound that overlaps, from the printed legend.
    tags: [scales, grades]
    for: scales?[* as s].symbols[*]
    when: type(self) == 'map' && hasBand(self)
    let:
      scaleName: keys(root.scales).filter(k, same(root.scales[k], s))[0]
      names: keys(s.symbols)
      mine: positions.filter(i, i < size(names) && names[i] == key)
      earlier: "size(mine) == 0 ? [] : positions.filter(i, i < mine[0]).map(i, names[i]).filter(k, type(s.symbols[k]) == 'map' && hasBand(s.symbols[k]) && interval(s.symbols[k]) ~= interval(self))"
    assert: size(earlier) == 0
    at: key
    message:
      ja: "評価尺度{scaleName}の評価{key}は評価{join(earlier, '、')}と重なっています：{interval(self)}と{interval(s.symbols[earlier[0]])}に共通の値があります"
      en: "grade {key} of the scale {scaleName} overlaps grade {join(earlier, ', ')}: {interval(self)} and {interval(s.symbols[earlier[0]])} share values"
    examples:
      valid:
        - |
          scales:
            達成度: {symbols: {A: {min: 100}, B: {min: 80, max: 99}, C: {below: 80}}}
      invalid:
        - |
          scales:
            達成度:
              symbols:
                A: {min: 100}
                B: {min: 80, max: 100}  # expect: scale-bands-overlap

"""#),
        (path: "Rules/plan-nodes.yaml", text: #"""
# Plan format 2: the hierarchy (`levels`, `nodes`), its marks on the declared scales, its years
# and notes, and the tables whose rows or counts refer to it. Levels, marks and note words are
# read from the plan's declarations. Format: Docs/plan-format.md; rule format: Docs/rules.md.
format: planlint/plan@2

rules:
  - id: node-number-sequence
    severity: error
    summary:
      ja: "同じ親の下のノードは、印刷順に1、2、3…と欠番・重複なく番号が振られている。"
      en: The nodes under one parent are numbered 1, 2, 3 … in printed order, without gaps or repeats.
    description:
      ja: |
        評価書は、各階層のノードに兄弟の中での番号を振ります（分野1、2…、その下に項目1、2…）。
        順番どおりでない番号は、ノードが抜けたか、二重に写されたか、別の親の下に置かれたことを
        意味します。番号なしで印刷されたノードは照合しません。
      en: |
        Reviews number the nodes of each level among their siblings (分野 1, 2 …; under each, 項目
        1, 2 …). A number out of sequence means a node was left out, copied twice, or put under
        the wrong parent. Nodes printed without numbers are not checked.
    help:
      ja: "印刷された一覧と番号を見比べ、ノードを正しい親の下に移すか番号を直してください。"
      en: Compare the numbering with the printed list; move the node under its parent or correct its number.
    tags: [hierarchy]
    for: nodes?[**]
    when: type(get(self, 'number', null)) == 'number'
    assert: self.number == index + 1
    at: self.number
    message:
      ja: "{self.name}の番号は{self.number}ですが、親の下で{index + 1}番目のノードです"
      en: "{self.name} is numbered {self.number}, but it is node {index + 1} under its parent"
    examples:
      valid:
        - |
          nodes:
            - {number: 1, name: 地域, nodes: [{number: 1, name: 基盤}, {number: 2, name: 習得}]}
            - {number: 2, name: 行政}
      invalid:
        - |
          nodes:
            - number: 1
              name: 地域
              nodes:
                - {number: 1, name: 基盤}
                - {number: 3, name: 習得}  # expect: node-number-sequence

  - id: node-mark-on-scale
    severity: error
    summary:
      ja: "ノードの評価記号は、その階層の評価尺度が宣言する記号のどれか。"
      en: A node's mark is one of the symbols its level's scale declares.
    description:
      ja: |
        各階層の評価記号や評価は、計画が一度だけ宣言する尺度（`scales`。階層の `scale` で指定、または
        計画に一つだけの尺度）の上にあります。その記号のどれでもない評価は集計できません。
        印刷された記号の代わりに似た文字が入力されていることがよくあります：○（U+25CB）の
        代わりの〇（U+3007、漢数字のゼロ）、－の代わりのASCIIの `-`、Aの代わりの全角Ａ。
      en: |
        Each level's marks or grades are on a scale the plan declares once (`scales`, named by
        the level's `scale`, or the plan's only scale). A mark that is not one of its symbols
        cannot be tallied — often it is a look-alike typed for the printed symbol: 〇 (U+3007,
        a kanji zero) for ○ (U+25CB), ASCII `-` for －, full-width Ａ for A.
    help:
      ja: "尺度の `symbols` から記号を書き写すか、凡例に印刷されているならそこで宣言してください。"
      en: Copy the symbol from the scale's `symbols`, or declare the mark there if the legend prints it.
    tags: [hierarchy, scales]
    for: nodes?[** as n].mark
    when: scale != null && has(root.scales) && scale in root.scales
    let:
      scale: scaleAt(root, depth)
      symbols: root.scales[scale].symbols
      like: get(lookalikes, string(self), '')
    assert: string(self) in symbols
    message:
      ja: "{n.name}：評価記号{self}は評価尺度{scale}の記号ではありません{like != '' && like in symbols ? '（' + like + 'の誤りではありませんか）' : ''}"
      en: "{n.name}: the mark {self} is not a symbol of the scale {scale}{like != '' && like in symbols ? ' (did you mean ' + like + '?)' : ''}"
    notes:
      - ja: "評価尺度{scale}が宣言している記号：{join(keys(symbols), ' ')}"
        en: "the scale {scale} declares {join(keys(symbols), ' ')}"
    # A look-alike of one declared symbol is that symbol: the fix keeps what was printed.
    fix:
      replace: "like != '' && like in symbols ? like : null"
      title:
        ja: "似た文字{self}を尺度の{like}に置き換える"
        en: "replace the look-alike {self} with the scale's {like}"
      safe: true
    examples:
      valid:
        - |
          scales:
            自己評価: {symbols: {◎: 計画以上, ○: 計画どおり, －: 評価困難}}
          levels: [分野, {name: 事業, scale: 自己評価}]
          nodes:
            - name: 地域
              nodes: [{name: 基盤, mark: ◎}, {name: 習得, mark: －}]
      invalid:
        - yaml: |
            scales:
              自己評価: {symbols: {◎: 計画以上, ○: 計画どおり, －: 評価困難}}
            levels: [分野, {name: 事業, scale: 自己評価}]
            nodes:
              - name: 地域
                nodes:
                  - name: 基盤
                    mark: 〇  # expect: node-mark-on-scale
          messages:
            - ja: "基盤：評価記号〇は評価尺度自己評価の記号ではありません（○の誤りではありませんか）"
              en: "基盤: the mark 〇 is not a symbol of the scale 自己評価 (did you mean ○?)"
          fixed: |
            scales:
              自己評価: {symbols: {◎: 計画以上, ○: 計画どおり, －: 評価困難}}
            levels: [分野, {name: 事業, scale: 自己評価}]
            nodes:
              - name: 地域
                nodes:
                  - name: 基盤
                    mark: ○  # expect: node-mark-on-scale
        - yaml: |
            scales:
              自己評価: {symbols: {◎: 計画以上, ○: 計画どおり, －: 評価困難}}
            levels: [分野, {name: 事業, scale: 自己評価}]
            nodes:
              - name: 地域
                nodes: [{name: 基盤, mark: "ー"}, {name: 習得, mark: "◎◎"}]  # expect: node-mark-on-scale, node-mark-on-scale
          # ー (the katakana long vowel) is the scale's －, quotes kept; ◎◎ has no look-alike: no fix.
          fixed: |
            scales:
              自己評価: {symbols: {◎: 計画以上, ○: 計画どおり, －: 評価困難}}
            levels: [分野, {name: 事業, scale: 自己評価}]
            nodes:
              - name: 地域
                nodes: [{name: 基盤, mark: "－"}, {name: 習得, mark: "◎◎"}]  # expect: node-mark-on-scale, node-mark-on-scale

  - id: node-years
    severity: error
    summary:
      ja: "ノードの開始年度は終了年度より後でなく、どちらも計画期間内にある。"
      en: A node's start year is not after its end year, and both lie inside the plan period.
    description:
      ja: |
        ノードは `start` の年度から `end` の年度まで実施されます（既定は計画期間）。終了より後の開始や、
        期間外の年度は、年度の入力誤りです（平成＋1988、令和＋2018）。
      en: |
        A node runs from its `start` to its `end` fiscal year, by default the plan's period. A
        start after the end, or a year outside the period, is a mistyped year (平成 + 1988,
        令和 + 2018).
    help:
      ja: "印刷された注記と計画期間に照らして年度を確かめ、直してください。"
      en: Check the year against the printed note and the plan period; correct the year.
    tags: [hierarchy, years]
    for: nodes?[**]
    when: (has(self.start) || has(self.end)) && yearsKnown(root, [self])
    let:
      from: firstYear(root, self)
      to: lastYear(root, self)
      period: root.plan.period
      wrong: "from > to ? 'starts after it ends' : (from < period.start || to > period.end ? 'runs outside the plan period FY' + string(period.start) + '–FY' + string(period.end) : '')"
    assert: wrong == ''
    at: "has(self.start) ? self.start : self.end"
    message:
      ja: "{self.name}（{fiscalYearText(from)}〜{fiscalYearText(to)}）は{from > to ? '終了より後に開始しています' : '計画期間（' + fiscalYearText(period.start) + '〜' + fiscalYearText(period.end) + '）の外にあります'}"
      en: "{self.name} (FY{from}–FY{to}) {wrong}"
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}}
          nodes:
            - {name: 基盤, start: 2015}
            - {name: 習得, end: 2014}
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}}
          nodes:
            - name: 基盤
              start: 2016  # expect: node-years
              end: 2015
            - name: 習得
              end: 2017  # expect: node-years

  - id: node-note-year
    severity: error
    summary:
      ja: "ノードが終了・開始した年度を述べる注記は、その終了年度・開始年度と一致する。"
      en: A note saying a node ended or started in a fiscal year agrees with its end or start year.
    description:
      ja: |
        `plan.year_notes` で、計画は印刷された注記がノードの終了（終了）や開始（開始）を述べる語を
        宣言します。注記が述べる年度（平成２７年度、H27、令和元年度…）は、そのノードの `end` または
        `start` でなければなりません。注記は印刷されたものなので、食い違いは年度の位置に、注記を
        ラベルとして報告します。
      en: |
        With `plan.year_notes` the plan declares the words that make a printed note say when a
        node ended (終了) or started (開始). The year the note names (平成２７年度, H27, 令和元年度 …)
        must then be the node's `end` or `start`. The note is what was printed, so a
        disagreement is reported at the year, with the note as a label.
    help:
      ja: "注記から年度を設定するか、注記が誤って写されていれば写し直してください。"
      en: Set the year from the note, or copy the note again if it was mistyped.
    tags: [hierarchy, years, notes]
    for: nodes?[**]
    when: |
      has(self.note) && has(root.plan.year_notes) && yearsKnown(root, [self]) && self.note.matches('[0-9０-９元]')
        && (has(root.plan.year_notes.end) && self.note.contains(root.plan.year_notes.end)) != (has(root.plan.year_notes.start) && self.note.contains(root.plan.year_notes.start))
    let:
      ended: has(root.plan.year_notes.end) && self.note.contains(root.plan.year_notes.end)
      said: fiscalYear(self.note)
      year: "ended ? lastYear(root, self) : firstYear(root, self)"
    assert: said == year
    at: "ended ? (has(self.end) ? self.end : self.note) : (has(self.start) ? self.start : self.note)"
    message:
      ja: "{self.name}：注記{self.note}は{fiscalYearText(said, self.note)}に{ended ? '終了' : '開始'}したと述べていますが、{ended ? '終了' : '開始'}年度は{fiscalYearText(year, self.note)}です"
      en: "{self.name}: the note {self.note} says it {ended ? 'ended' : 'started'} in FY{said}, but its {ended ? 'end' : 'start'} year is {year}"
    labels:
      - {at: self.note, message: {ja: "{fiscalYearText(said, self.note)}", en: "FY{said}"}}
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}, year_notes: {end: 終了, start: 開始}}
          nodes:
            - {name: 基盤, end: 2015, note: "※平成２７年度で終了"}
            - {name: 習得, start: 2015, note: "※H27年度事業開始"}
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}, year_notes: {end: 終了, start: 開始}}
          nodes:
            - name: 基盤
              end: 2016  # expect: node-note-year
              note: "※平成27年度で終了"

  - id: node-partial-years-noted
    severity: warning
    summary:
      ja: "計画の初年度より後に始まるノード、最終年度より前に終わるノードには、そう述べる注記がある。"
      en: A node that starts after the plan's first year or ends before its last has a note saying so.
    description:
      ja: |
        計画が `year_notes` を宣言していると、印刷された注記が別の年度に開始・終了したと述べない限り、
        ノードは期間全体にわたって実施され、`start` と `end` はその注記から写されます。注記が
        ないのに期間より短いノードは印刷された一覧と矛盾します。年度の入力誤りか、注記の
        写し漏れです。
      en: |
        When the plan declares `year_notes`, a node runs the whole period unless a printed note
        says it started or ended in another year, and the transcription derives `start` and
        `end` from those notes. A node shorter than the period without such a note contradicts
        the printed list: a year was mistyped or the note left out.
    help:
      ja: "ノードの注記を `note` に写すか、文書に印刷されていない `start`・`end` を削除してください。"
      en: Copy the node's note into `note`, or remove the `start`/`end` that the document does not print.
    tags: [hierarchy, years, notes]
    for: nodes?[**]
    when: |
      has(root.plan.year_notes) && hasPeriod(root) && ownYearsKnown(self)
        && ((has(self.start) && self.start > root.plan.period.start) || (has(self.end) && self.end < root.plan.period.end))
    let:
      note: get(self, 'note', '')
      late: firstYear(root, self) > root.plan.period.start && !(has(root.plan.year_notes.start) && note.contains(root.plan.year_notes.start))
      early: lastYear(root, self) < root.plan.period.end && !(has(root.plan.year_notes.end) && note.contains(root.plan.year_notes.end))
    assert: "!late && !early"
    at: "late ? self.start : self.end"
    message:
      ja: "{self.name}は計画期間（{fiscalYearText(root.plan.period.start)}〜{fiscalYearText(root.plan.period.end)}）内の{late ? fiscalYearText(self.start) + 'に開始' : fiscalYearText(self.end) + 'に終了'}していますが、その年度に{late ? '開始' : '終了'}したと述べる注記がありません"
      en: "{self.name} {late ? 'starts in FY' + string(self.start) : 'ends in FY' + string(self.end)}, inside the plan period FY{root.plan.period.start}–FY{root.plan.period.end}, but has no note saying it {late ? 'started' : 'ended'} then"
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}, year_notes: {end: 終了, start: 開始}}
          nodes:
            - {name: 基盤, end: 2015, note: "※平成２７年度で終了"}
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}, year_notes: {end: 終了, start: 開始}}
          nodes:
            - name: 基盤
              end: 2015  # expect: node-partial-years-noted

  - id: table-row-names-level
    severity: error
    summary:
      ja: "行がある階層のノードを表す表では、行の名前は `nodes` の表記どおりにそのノードを指す。"
      en: The rows of a table whose rows name a level's nodes name those nodes, as spelt in `nodes`.
    description:
      ja: |
        `label` が `level: 分野` の表は、その階層のノードごとに一行を持ちます（合計行と比率の行のほかに）。
        その階層のノードでない行の名前は、綴りの誤りか余分な行で、その行の件数をノードと照合
        できません。
      en: |
        A table whose `label` says `level: 分野` has one row per node of that level (plus its
        total and ratio rows). A row name that is no node of the level is a misspelt or extra
        row, and the counts of that row cannot be checked against the nodes.
    help:
      ja: "行の名前をノードの `name`（またはノードの印刷どおりの名前）と同じ表記にしてください。"
      en: Spell the row name as the node's `name` (or the node's name as printed).
    tags: [tables, hierarchy]
    for: tables?[? type(get(self, 'label', null)) == 'map' && has(self.label.level) as t].rows[* as r][0]
    when: "!isTotalRow(t, r) && !isRatioRow(t, r) && depthOf(root, t.label.level) > 0"
    let:
      names: levelNodes(root, t.label.level).map(n, n.name)
    assert: self in names
    message:
      ja: "{t.name}の行{self}は、計画のどの{t.label.level}も指していません"
      en: "row {self} of {t.name} names no {t.label.level} of the plan"
    notes:
      - ja: "{t.label.level}：{join(names, '、')}"
        en: "the {t.label.level} are: {join(names, '、')}"
    examples:
      valid:
        - |
          levels: [分野, 事業]
          nodes: [{name: 地域, nodes: [{name: 基盤}]}]
          tables:
            - {name: 事業費, label: {level: 分野}, columns: [予算額], rows: [[地域, 3]]}
      invalid:
        - |
          levels: [分野, 事業]
          nodes: [{name: 地域, nodes: [{name: 基盤}]}]
          tables:
            - name: 事業費
              label: {level: 分野}
              columns: [予算額]
              rows:
                - [地方, 3]  # expect: table-row-names-level

  - id: table-level-count
    severity: error
    summary:
      ja: "ある階層のノードを数える件数の列は、一覧のノード数に等しい。行のノードごと、グループの年度ごとに。"
      en: A count column that counts a level's nodes equals the nodes listed — per row node, in the group's fiscal year.
    description:
      ja: |
        `counts: 事業`（階層）を持つ件数の列は、一覧のノードを数えます。ノードを表す行
        （`label: {level: 分野}`）では、そのノードの下の数える階層のノードを、合計行ではそのすべてを、
        年度でグループ分けされた表ではその年度に実施中のもの（開始≦年度≦終了）を数えます。
        差があれば、ノードが一覧か表から抜けているか、その年度のどれかが誤っています。
      en: |
        A count column with `counts: 事業` (a level) counts listed nodes. In a row that names a
        node (`label: {level: 分野}`) it counts that node's nodes of the counted level; in the
        total row, all of them; in a table grouped by fiscal year, those running that year
        (start ≤ year ≤ end). A difference means a node is missing from the list or the table,
        or one of its years is wrong.
    help:
      ja: "その行と年度について一覧のノードを数え、セルか、ノードの年度や位置を直してください。"
      en: Count the listed nodes for that row and year; correct the cell, or the node's years or place.
    tags: [tables, hierarchy, counts, years]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && size(r) == rowWidth(t) && type(self) == 'number' && !isRatioRow(t, r)
        && colKind(t, col) == 'count' && type(col) == 'map' && has(col.counts) && depthOf(root, col.counts) > 0
        && (isTotalRow(t, r) || (rowLevel != '' && size(owner) == 1)) && (fy == null || yearsKnown(root, listed))
    let:
      col: columnOf(t, index)
      fy: groupFy(t, groupOf(t, index))
      rowLevel: "type(get(t, 'label', null)) == 'map' && has(t.label.level) ? t.label.level : ''"
      owner: "rowLevel == '' ? [] : levelNodes(root, rowLevel).filter(n, n.name == r[0])"
      listed: |
        isTotalRow(t, r) ? levelNodes(root, col.counts)
          : (depthOf(root, col.counts) > depthOf(root, rowLevel) ? nodesAt(owner, depthOf(root, col.counts) - depthOf(root, rowLevel) + 1) : [])
      counted: "fy == null ? size(listed) : countRunning(listed, null, fy, root.plan.period.start, root.plan.period.end)"
    assert: self == counted
    message:
      ja: "{t.name}{groupNameJa(t, groupOf(t, index))}の{colName(col)}、{r[0]}の行：表は{self}としていますが、{isTotalRow(t, r) ? '' : string(r[0]) + 'の'}{fy == null ? '' : fiscalYearText(fy) + 'に実施中の'}{col.counts}は一覧に{counted}件あります"
      en: "{t.name}{groupName(t, groupOf(t, index))} {colName(col)}, row {r[0]}: the table says {self}, but {counted} {col.counts} {isTotalRow(t, r) ? 'are listed' : 'of ' + string(r[0]) + ' are listed'}{fy == null ? '' : ' running in FY' + string(fy)}"
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2015}}
          levels: [分野, 事業]
          nodes:
            - {name: 地域, nodes: [{name: 基盤}, {name: 習得, end: 2014}]}
            - {name: 行政, nodes: [{name: 電子}]}
          tables:
            - name: 事業費
              label: {level: 分野}
              groups: [2014, 2015]
              columns: [{name: 事業数, kind: count, counts: 事業}]
              total: 合計
              rows:
                - [地域, 2, 1]
                - [行政, 1, 1]
                - [合計, 3, 2]
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2015}}
          levels: [分野, 事業]
          nodes:
            - {name: 地域, nodes: [{name: 基盤}, {name: 習得, end: 2014}]}
          tables:
            - name: 事業費
              label: {level: 分野}
              groups: [2014, 2015]
              columns: [{name: 事業数, kind: count, counts: 事業}]
              rows:
                - [地域, 2, 2]  # expect: table-level-count

  - id: table-tally
    severity: error
    summary:
      ja: "評価記号・評価の集計は、記号ごとに、その記号を持つ一覧のノードの数に等しい。"
      en: A tally by mark or grade counts, for each symbol, the listed nodes that carry it.
    description:
      ja: |
        `scale` を持つ表は評価記号を集計します。`tally` がある行をある階層のノードの集計とする
        （`tally: {個別事業: 事業}`）と、記号を見出しとする列のセルはそれぞれ、その記号を持つその階層の
        一覧のノードの数に等しくなければなりません。行が記号で始まり（A(100%以上)、B…）、件数の
        列がある階層を `counts` とする場合、各行の件数はその行の記号を持つノードの数です。差が
        あれば、一覧の評価記号を変えて集計を変えなかったか（またはその逆）、ノードがどちらかから
        抜けています。
      en: |
        A table with a `scale` counts marks. Where `tally` says a row counts a level's nodes
        (`tally: {個別事業: 事業}`), each of its cells under a column headed by a symbol must equal
        the number of listed nodes of that level carrying that symbol. Where the rows begin with
        the symbols (A(100%以上), B …) and a count column `counts` a level, each row's count is
        the nodes with the row's symbol. A difference means a mark was changed in the list but
        not in the tally, or a node is missing from one of them.
    help:
      ja: "一覧でその記号を持つノードを数え、集計かノードの評価記号を直してください。"
      en: Count the nodes carrying the symbol in the list and correct the tally or the node's mark.
    tags: [tables, scales, hierarchy]
    for: tables?[? has(self.scale) as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && size(r) == rowWidth(t) && type(self) == 'number' && !isTotalRow(t, r) && !isRatioRow(t, r)
        && has(root.scales) && t.scale in root.scales && level != '' && depthOf(root, level) > 0 && symbol != ''
    let:
      col: columnOf(t, index)
      symbols: root.scales[t.scale].symbols
      byColumn: has(t.tally) && r[0] in t.tally && string(colName(col)) in symbols
      byRow: "!has(t.tally) && type(col) == 'map' && has(col.counts) && size(symbolOf(symbols, r[0])) > 0"
      level: "byColumn ? t.tally[r[0]] : (byRow ? col.counts : '')"
      symbol: "byColumn ? string(colName(col)) : (byRow ? symbolOf(symbols, r[0])[0] : '')"
      counted: levelNodes(root, level).count(n, has(n.mark) && string(n.mark) == symbol)
    assert: self == counted
    message:
      ja: "{t.name}：{r[0]}は{symbol}を{self}件としていますが、{symbol}の{level}は一覧に{counted}件あります"
      en: "{t.name}: {r[0]} says {self} for {symbol}, but {counted} listed {level} carry {symbol}"
    examples:
      valid:
        - |
          scales: {自己評価: {symbols: {◎: 計画以上, ○: 計画どおり}}}
          levels: [分野, 事業]
          nodes: [{name: 地域, nodes: [{name: 基盤, mark: ◎}, {name: 習得, mark: ○}, {name: 電子, mark: ○}]}]
          tables:
            - name: 自己評価
              scale: 自己評価
              tally: {個別事業: 事業}
              columns: [◎, ○]
              rows: [[個別事業, 1, 2]]
      invalid:
        - |
          scales: {達成度: {symbols: {A: {means: 100%以上, min: 100}, B: {means: 100%未満, below: 100}}}}
          levels: [施策, 事業]
          nodes: [{name: 地域, mark: A, nodes: [{name: 基盤, mark: A}, {name: 習得, mark: B}]}]
          tables:
            - name: 達成状況
              scale: 達成度
              columns: [{name: 事業数, counts: 事業}]
              rows:
                - [A(100%以上), 1]
                - [B(100%未満), 2]  # expect: table-tally

  - id: table-totals-agree
    severity: error
    summary:
      ja: "同じものを数える件数の列は、どの表でも（同じ年度なら）同じ合計を持つ。"
      en: Count columns that count the same thing have the same total in every table (and fiscal year).
    description:
      ja: |
        件数の列は何を数えるかを述べます（`counts: 事業`、`counts: 成果指標`）。同じ年度の同じものを
        数える二つの表は、同じ合計でなければなりません。151事業を評価した評価書は、それを合計する
        どこでも151と印刷します。ほかのものを数える列（見出しが事業数でも、指標を数える列など）は
        `counts` で区別されます。
      en: |
        A count column says what it counts (`counts: 事業`, `counts: 成果指標`). Two tables that
        count the same thing for the same year must have the same total: a review that
        evaluated 151 projects prints 151 wherever it totals them. A column counting something
        else (indicators, although headed 事業数) is kept apart by its `counts`.
    help:
      ja: "どの表の合計（またはその行）が誤って印刷されたかを見つけて直してください。"
      en: Find which table's total (or which of its rows) was printed wrong and correct it.
    tags: [tables, counts]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && isTotalRow(t, r) && type(self) == 'number'
        && type(col) == 'map' && has(col.counts) && colKind(t, col) == 'count' && size(others) > 0
    let:
      col: columnOf(t, index)
      fy: groupFy(t, groupOf(t, index))
      others: |
        flatten(root.tables.filter(u, !same(u, t) && has(u.total) && size(totalRows(u)) == 1 && size(totalRows(u)[0]) == rowWidth(u))
          .map(u, flatten(positions.filter(g, g < groupCount(u) && groupFy(u, g) == fy).map(g,
            positions.filter(j, j < size(u.columns) && type(u.columns[j]) == 'map' && get(u.columns[j], 'counts', '') == col.counts
              && colKind(u, u.columns[j]) == 'count').map(j, totalRows(u)[0][cellIndex(u, g, j)])))))
      differ: others.filter(x, type(x) == 'number' && x != self)
    assert: size(differ) == 0
    message:
      ja: "{t.name}{groupNameJa(t, groupOf(t, index))}：{t.total}の行は{col.counts}を{self}件と数えていますが、別の表は{join(differ, '、')}件と数えています"
      en: "{t.name}{groupName(t, groupOf(t, index))}: the {t.total} row counts {self} {col.counts}, but another table counts {join(differ, ', ')}"
    labels:
      - each: differ
        as: x
        at: x
        message: "{x}"
    examples:
      valid:
        - |
          tables:
            - {name: 所属別, columns: [{name: 事業数, counts: 事業}], total: 計, rows: [[総務, 2], [企画, 3], [計, 5]]}
            - {name: 方向性, columns: [{name: 事業数, counts: 事業}], total: 計, rows: [[継続, 5], [計, 5]]}
            - {name: 指標, columns: [{name: 事業数, counts: 成果指標}], total: 計, rows: [[A, 7], [計, 7]]}
      invalid:
        - |
          tables:
            - name: 所属別
              columns: [{name: 事業数, counts: 事業}]
              total: 計
              rows:
                - [総務, 2]
                - [計, 2]  # expect: table-totals-agree
            - name: 方向性
              columns: [{name: 事業数, counts: 事業}]
              total: 計
              rows:
                - [継続, 3]
                - [計, 3]  # expect: table-totals-agree

"""#),
        (path: "Rules/plan-stated.yaml", text: #"""
# Plan format 2: figures stated in the prose (`stated`, and a node's own `stated`) and
# indicators (`indicators`): counts against what they point at, additions and endings per
# year, percentages within their printed decimals, achievement rates against targets and
# actuals, and grades against their declared bands. Format: Docs/plan-format.md; rule format:
# Docs/rules.md.
format: planlint/plan@2

rules:
  - id: stated-count
    severity: error
    summary:
      ja: "本文に述べられた件数は、それが指すもの（ある階層のノード。評価記号・年度の条件つきも含む。または見出しの下の目標）の数に等しい。"
      en: A count stated in the text equals what it points at — the nodes of a level (with a mark, running in a year) or the goals under a heading.
    description:
      ja: |
        本文は件数を述べます：９分野計２０項目、全１０２事業、５つの重点目標、平成２７年度 ９８事業。
        `stated` の各数値は `of` で数える対象を指します：ある階層のノード（`事業`）、評価記号を持つ
        もの（`{level: 事業, mark: ◎}`）、ある年度に実施中のもの（`fy`）、または見出しの下に並ぶ目標
        （`{goals: 重点目標}`）。件数は一覧にあるものの数に等しくなければなりません。ノード自身の
        数値（計６事業）はそのノードの中を数えます。
      en: |
        The prose states counts: ９分野計２０項目, 全１０２事業, ５つの重点目標, 平成２７年度 ９８事業.
        Each `stated` figure points with `of` at what it counts: a level's nodes (`事業`), those
        with a mark (`{level: 事業, mark: ◎}`), those running in a year (`fy`), or the goals
        listed under a heading (`{goals: 重点目標}`). The count must equal what is listed. A
        node's own figures (計６事業) count inside that node.
    help:
      ja: "数値が指すものを一覧で数え、数値を直すか、ノードが抜けていれば一覧を直してください。"
      en: Count what the figure points at in the list; correct the figure, or the list if a node is missing.
    tags: [stated, counts]
    for: stated?[*]
    when: type(get(self, 'count', null)) == 'number' && has(self.of) && countable(root, get(root, 'nodes', []), 1, self.of, get(self, 'fy', null))
    let:
      counted: countOf(root, get(root, 'nodes', []), 1, self.of, get(self, 'fy', null))
    assert: self.count == counted
    at: self.count
    message:
      ja: "{has(self.printed) ? self.printed + '：' : ''}本文は{self.count}としていますが、{describeJa(self.of, get(self, 'fy', null))}は一覧に{counted}件あります"
      en: "{has(self.printed) ? self.printed + ': ' : ''}the text says {self.count}, but {counted} {describe(self.of, get(self, 'fy', null))} are listed"
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2015}, goals: {重点目標: [安全, 便利]}}
          levels: [分野, {name: 事業, scale: 自己評価}]
          scales: {自己評価: {symbols: {◎: 計画以上, ○: 計画どおり}}}
          nodes:
            - {name: 地域, nodes: [{name: 基盤, mark: ◎}, {name: 習得, mark: ○, end: 2014}]}
          stated:
            - {printed: ２つの重点目標, count: 2, of: {goals: 重点目標}}
            - {printed: 全２事業, count: 2, of: 事業}
            - {printed: ◎１事業, count: 1, of: {level: 事業, mark: ◎}}
            - {printed: 平成２７年度　１事業, fy: 2015, count: 1, of: 事業}
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2015}, goals: {重点目標: [安全, 便利]}}
          levels: [分野, 事業]
          nodes:
            - {name: 地域, nodes: [{name: 基盤}, {name: 習得, end: 2014}]}
          stated:
            - {printed: ３つの重点目標, count: 3, of: {goals: 重点目標}}  # expect: stated-count
            - {printed: 全３事業, count: 3, of: 事業}  # expect: stated-count
            - {printed: 平成２７年度　２事業, fy: 2015, count: 2, of: 事業}  # expect: stated-count

  - id: node-stated-count
    severity: error
    summary:
      ja: "ノードについて述べられた件数（計６事業）は、そのノードの中で指すノードの数に等しい。"
      en: A count stated for a node (計６事業) equals the nodes it points at inside that node.
    description:
      ja: |
        一つのノードについて印刷された数値（分野の下の計６事業）は、その中を数えます：`of` が指す階層の
        子孫のノード（`stated-count` と同じく、評価記号・年度の条件つきも）。
      en: |
        A figure printed for one node — 計６事業 under a field — counts inside it: the node's
        descendants of the level its `of` names (with a mark, running in a year, as for
        `stated-count`).
    help:
      ja: "ノードの下の一覧の子孫を数え、数値を直すか、別の親の下にあるノードを移してください。"
      en: Count the node's listed descendants; correct the figure, or move the node that is under the wrong parent.
    tags: [stated, counts, hierarchy]
    for: nodes?[** as n].stated?[*]
    when: type(get(self, 'count', null)) == 'number' && has(self.of) && countable(root, get(n, 'nodes', []), depth + 1, self.of, get(self, 'fy', null))
    let:
      counted: countOf(root, get(n, 'nodes', []), depth + 1, self.of, get(self, 'fy', null))
    assert: self.count == counted
    at: self.count
    message:
      ja: "{n.name}：{has(self.printed) ? self.printed + '—' : ''}本文は{self.count}としていますが、その下の{describeJa(self.of, get(self, 'fy', null))}は一覧に{counted}件あります"
      en: "{n.name}: {has(self.printed) ? self.printed + ' — ' : ''}the text says {self.count}, but {counted} {describe(self.of, get(self, 'fy', null))} are listed under it"
    examples:
      valid:
        - |
          levels: [分野, 項目, 事業]
          nodes:
            - name: 地域
              stated: [{printed: 計３事業, count: 3, of: 事業}]
              nodes: [{name: 基盤, nodes: [{name: a}, {name: b}]}, {name: 習得, nodes: [{name: c}]}]
      invalid:
        - |
          levels: [分野, 項目, 事業]
          nodes:
            - name: 地域
              stated:
                - {printed: 計４事業, count: 4, of: 事業}  # expect: node-stated-count
              nodes: [{name: 基盤, nodes: [{name: a}, {name: b}]}, {name: 習得, nodes: [{name: c}]}]

  - id: stated-year-change
    severity: error
    summary:
      ja: "ある年度に追加と述べられたノードはその年度に開始し、終了と述べられたノードは前年度が最終年度である。"
      en: The nodes stated as added in a year start that year; those stated as ended had their last year the year before.
    description:
      ja: |
        年度ごとの件数は、前年度からの変化を述べることがあります（９８事業（Ｈ２６年度より追加３，
        終了３））。`added` はその年度が初年度である一覧のその階層のノードの数に、`ended` は前年度が
        最終年度であるノードの数に等しくなければなりません。
      en: |
        A yearly count may say what changed since the year before (９８事業（Ｈ２６年度より追加３，
        終了３）): `added` must equal the listed nodes of the level whose first year is that
        year, `ended` those whose last year was the year before.
    help:
      ja: "一覧のノードの開始・終了年度を注記と照らし合わせ、数値か年度を直してください。"
      en: Check the start and end years of the listed nodes against their notes; correct the figure or the years.
    tags: [stated, years]
    for: stated?[*]
    when: |
      type(get(self, 'fy', null)) == 'number' && (has(self.added) || has(self.ended)) && has(self.of)
        && depthOf(root, targetLevel(self.of)) > 0 && yearsKnown(root, listed)
    let:
      listed: levelNodes(root, targetLevel(self.of))
      starting: listed.count(n, firstYear(root, n) == self.fy)
      ending: listed.count(n, lastYear(root, n) == self.fy - 1)
      addedWrong: has(self.added) && self.added != starting
      endedWrong: has(self.ended) && self.ended != ending
    assert: "!addedWrong && !endedWrong"
    at: "addedWrong ? self.added : self.ended"
    message:
      ja: "{has(self.printed) ? self.printed + '：' : ''}{addedWrong ? '追加' + string(self.added) + 'としていますが、' + fiscalYearText(self.fy) + 'に開始する' + targetLevel(self.of) + 'は一覧に' + string(starting) + '件あります' : '終了' + string(self.ended) + 'としていますが、' + fiscalYearText(self.fy - 1) + 'に終了した' + targetLevel(self.of) + 'は一覧に' + string(ending) + '件あります'}"
      en: "{has(self.printed) ? self.printed + ': ' : ''}{addedWrong ? 'says ' + string(self.added) + ' added, but ' + string(starting) + ' listed ' + targetLevel(self.of) + ' start in FY' + string(self.fy) : 'says ' + string(self.ended) + ' ended, but ' + string(ending) + ' listed ' + targetLevel(self.of) + ' ended in FY' + string(self.fy - 1)}"
    examples:
      valid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}}
          levels: [事業]
          nodes: [{name: a, end: 2014}, {name: b, start: 2015}, {name: c}]
          stated:
            - {fy: 2015, count: 2, of: 事業, added: 1, ended: 1}
      invalid:
        - |
          plan: {title: 計画, period: {start: 2014, end: 2016}}
          levels: [事業]
          nodes: [{name: a, end: 2014}, {name: b, start: 2015}, {name: c}]
          stated:
            - fy: 2015
              count: 2
              of: 事業
              added: 2  # expect: stated-year-change
              ended: 1

  - id: stated-percent
    severity: error
    summary:
      ja: "本文に述べられた百分率は、部分÷全体と、印刷された桁数の範囲で一致する。"
      en: A percentage stated in the text agrees with its part over its whole, within its printed decimals.
    description:
      ja: |
        96件の48.8%は、ある件数が96の48.8%であることを述べています。部分は数値の `count`（または
        `of` が指すもの）、全体は `basis`（または `basis_of` が指すもの）です。印刷された48.8は48.75以上
        48.85未満を表します（`rounding` に指定がなければ四捨五入）。96件中47件は48.96%で、
        そうはなりえません。47÷96なら49.0と印刷されるはずです。
      en: |
        96件の48.8% says that some count is 48.8 % of 96. The part is the figure's `count` (or
        what its `of` points at), the whole its `basis` (or what `basis_of` points at). A printed
        48.8 stands for 48.75 up to 48.85 (half-up unless `rounding` says otherwise); 47 of 96
        is 48.96 %, which it cannot be — 47 ÷ 96 would be printed 49.0.
    help:
      ja: "部分÷全体×100を計算して印刷どおりに丸め、百分率・件数・母数のどれかを直してください。"
      en: Compute part ÷ whole × 100 and round it as printed; correct the percentage, the count or the basis.
    tags: [stated, shares]
    for: stated?[*]
    when: type(get(self, 'percent', null)) == 'number' && part != null && whole != null && whole > 0
    let:
      part: "type(get(self, 'count', null)) == 'number' ? self.count : (has(self.of) && countable(root, get(root, 'nodes', []), 1, self.of, get(self, 'fy', null)) ? countOf(root, get(root, 'nodes', []), 1, self.of, get(self, 'fy', null)) : null)"
      whole: "type(get(self, 'basis', null)) == 'number' ? self.basis : (has(self.basis_of) && countable(root, get(root, 'nodes', []), 1, self.basis_of, get(self, 'fy', null)) ? countOf(root, get(root, 'nodes', []), 1, self.basis_of, get(self, 'fy', null)) : null)"
      printed: rounded(self.percent, get(self, 'rounding', 'half-up'))
    assert: printed ~= part / whole * 100
    at: self.percent
    message:
      ja: "{has(self.printed) ? self.printed + '：' : ''}{self.percent}%は{whole}中の{part}＝{round(part / whole * 100, 3)}%と一致しません"
      en: "{has(self.printed) ? self.printed + ': ' : ''}{self.percent} % does not agree with {part} of {whole} = {round(part / whole * 100, 3)} %"
    notes:
      - ja: "印刷された{self.percent}は{printed}を表します"
        en: "a printed {self.percent} stands for {printed}"
    examples:
      valid:
        - |
          stated:
            - {printed: 96件の48.8%, count: 47, basis: 96, percent: 49.0}
            - {printed: 221件の51.6%, count: 114, basis: 221, percent: 51.6}
      invalid:
        - |
          stated:
            - {printed: 96件の48.8%, count: 47, basis: 96, percent: 48.8}  # expect: stated-percent

  - id: indicator-rate
    severity: error
    summary:
      ja: "指標の印刷された達成率は、目標値と実績値から、印刷された桁数の範囲で一致する。"
      en: An indicator's printed achievement rate agrees with its target and actual, within its printed decimals.
    description:
      ja: |
        指標の達成率は、尺度の `rate.formula` に従って目標値と実績値から求まります：`ratio`（実績値÷目標値
        ×100、値が小さいほどよい指標では目標値÷実績値×100）または `progress`（（実績値−基準値）÷
        （目標値−基準値）×100）。印刷された達成率は、印刷された桁数に丸められています（尺度の
        `rate.rounding` に指定がなければ四捨五入）。87.0は86.95以上87.05未満を表します。
      en: |
        The achievement rate of an indicator follows from its target and actual as its scale's
        `rate.formula` says: `ratio` (actual ÷ target × 100, or target ÷ actual × 100 when lower
        is better) or `progress` ((actual − baseline) ÷ (target − baseline) × 100). The printed
        rate is rounded (half-up unless the scale's `rate.rounding` says otherwise) to its
        printed decimals: 87.0 stands for 86.95 up to 87.05.
    help:
      ja: "目標値と実績値から達成率を計算し直し、誤って印刷された達成率か数値を直してください。"
      en: Compute the rate from the target and actual again; correct the rate or the figure that was printed wrong.
    tags: [indicators, grades]
    for: nodes?[**].indicators?[* as ind].years[*]
    when: type(get(self, 'rate', null)) == 'number' && computable(root, ind, self)
    let:
      scale: indicatorScale(root, ind)
      computed: rateOf(root, ind, self)
      printed: "rounded(self.rate, scale == null ? 'half-up' : get(get(root.scales[scale], 'rate', {}), 'rounding', 'half-up'))"
    assert: printed ~= computed
    at: self.rate
    message:
      ja: "{ind.name}（{fiscalYearText(self.fy)}）：達成率{self.rate}は目標値{self.target}と実績値{self.actual}から求まる値（{round(computed, 2)}%）と一致しません"
      en: "{ind.name} FY{self.fy}: the rate {self.rate} does not agree with target {self.target} and actual {self.actual} ({round(computed, 2)} %)"
    notes:
      - ja: "印刷された{self.rate}は{printed}を表します"
        en: "a printed {self.rate} stands for {printed}"
    examples:
      valid:
        - |
          nodes:
            - name: 交通安全
              indicators:
                - {name: 事故件数, direction: down, years: [{fy: 2022, target: 200, actual: 230, rate: 87.0}]}
                - {name: 参加者数, years: [{fy: 2022, target: 400, actual: 410, rate: 102.5}]}
      invalid:
        - |
          nodes:
            - name: 交通安全
              indicators:
                - name: 事故件数
                  years:
                    - {fy: 2022, target: 200, actual: 230, rate: 87.0}  # expect: indicator-rate

  - id: indicator-grade
    severity: error
    summary:
      ja: "指標の印刷された評価の範囲は、その達成率（印刷されたもの、なければ目標値と実績値から求めたもの）を含む。"
      en: An indicator's printed grade has a band that contains its rate — the printed one, else the one computed from target and actual.
    description:
      ja: |
        評価が達成率の範囲で定義されている（`scales`）とき、印刷された評価はその範囲が達成率を含む
        ものでなければなりません。印刷された達成率は丸めを考慮して読みます（印刷された80は79.5かも
        しれません）。達成率が印刷されていなければ、目標値と実績値から求めた達成率を使います。
        範囲の隙間にある達成率（Bが99で終わりAが100から始まるときの99.5%）はどの評価にも
        当たりません。
      en: |
        With grades defined by bands on the achievement rate (`scales`), the printed grade must be
        the one whose band holds the rate. The printed rate is read with its rounding (a
        printed 80 may be 79.5); without a printed rate, the rate computed from the target and
        actual is used. A rate in a gap between bands (99.5 % where B ends at 99 and A starts at
        100) fits no grade.
    help:
      ja: "達成率を含む範囲の評価にするか、達成率・目標値・実績値を直してください。"
      en: Give the grade whose band holds the rate, or correct the rate, target or actual.
    tags: [indicators, grades]
    for: nodes?[**].indicators?[* as ind].years[*]
    when: |
      has(self.grade) && scale != null && string(self.grade) in root.scales[scale].symbols
        && type(root.scales[scale].symbols[string(self.grade)]) == 'map' && hasBand(root.scales[scale].symbols[string(self.grade)])
        && (type(get(self, 'rate', null)) == 'number' || computable(root, ind, self))
    let:
      scale: indicatorScale(root, ind)
      band: root.scales[scale].symbols[string(self.grade)]
      rate: "type(get(self, 'rate', null)) == 'number' ? rounded(self.rate, get(get(root.scales[scale], 'rate', {}), 'rounding', 'half-up')) : rateOf(root, ind, self)"
    assert: rate ~= interval(band)
    at: self.grade
    message:
      ja: "{ind.name}（{fiscalYearText(self.fy)}）：評価{self.grade}は達成率{interval(band)}の評価ですが、達成率は{rate}です"
      en: "{ind.name} FY{self.fy}: grade {self.grade} is for rates {interval(band)}, but the rate is {rate}"
    examples:
      valid:
        - |
          scales: {達成度: {symbols: {A: {min: 100}, B: {min: 80, max: 99}, C: {below: 80}}}}
          nodes:
            - name: 交通安全
              indicators:
                - {name: 参加者数, years: [{fy: 2022, target: 400, actual: 410, rate: 102.5, grade: A}, {fy: 2023, target: 400, actual: 330, grade: B}]}
      invalid:
        - |
          scales: {達成度: {symbols: {A: {min: 100}, B: {min: 80, max: 99}, C: {below: 80}}}}
          nodes:
            - name: 交通安全
              indicators:
                - name: 参加者数
                  years:
                    - {fy: 2022, target: 400, actual: 410, rate: 102.5, grade: B}  # expect: indicator-grade
                    - {fy: 2023, target: 400, actual: 300, grade: B}  # expect: indicator-grade

  - id: standalone-indicator-rate
    severity: error
    summary:
      ja: "単独の指標の印刷された達成率は、目標値と実績値から、印刷された桁数の範囲で一致する。"
      en: A stand-alone indicator's printed achievement rate agrees with its target and actual, within its printed decimals.
    description:
      ja: |
        `indicator-rate` と同じ照合を、ノードの下ではなく単独で（トップレベルの `indicators` に）並ぶ
        指標について行います。印刷された達成率は、尺度の式が目標値と実績値（`progress` では基準値も）
        から与える達成率と、印刷された桁数の範囲で一致しなければなりません。
      en: |
        As `indicator-rate`, for the indicators a review lists on their own (top-level
        `indicators`) rather than under a node: the printed rate must agree with the rate its
        scale's formula gives from the target and actual (and baseline, for `progress`), within
        the printed decimals.
    help:
      ja: "目標値と実績値から達成率を計算し直し、誤って印刷された達成率か数値を直してください。"
      en: Compute the rate from the target and actual again; correct the rate or the figure that was printed wrong.
    tags: [indicators, grades]
    for: indicators?[* as ind].years[*]
    when: type(get(self, 'rate', null)) == 'number' && computable(root, ind, self)
    let:
      computed: rateOf(root, ind, self)
    assert: printedRate(root, ind, self) ~= computed
    at: self.rate
    message:
      ja: "{ind.name}（{fiscalYearText(self.fy)}）：達成率{self.rate}は目標値{self.target}と実績値{self.actual}から求まる値（{round(computed, 2)}%）と一致しません"
      en: "{ind.name} FY{self.fy}: the rate {self.rate} does not agree with target {self.target} and actual {self.actual} ({round(computed, 2)} %)"
    notes:
      - ja: "印刷された{self.rate}は{printedRate(root, ind, self)}を表します"
        en: "a printed {self.rate} stands for {printedRate(root, ind, self)}"
    examples:
      valid:
        - |
          indicators:
            - {name: 転入者数, years: [{fy: 2022, target: 300, actual: 330, rate: 110.0}]}
            - {name: 待機児童数, direction: down, years: [{fy: 2022, target: 10, actual: 8, rate: 125.0}]}
      invalid:
        - |
          indicators:
            - name: 転入者数
              years:
                - {fy: 2022, target: 300, actual: 330, rate: 111.0}  # expect: standalone-indicator-rate

  - id: standalone-indicator-grade
    severity: error
    summary:
      ja: "単独の指標の印刷された評価の範囲は、その達成率（印刷されたもの、なければ求めたもの）を含む。"
      en: A stand-alone indicator's printed grade has a band that contains its rate — the printed one, else the one computed.
    description:
      ja: |
        `indicator-grade` と同じ照合を、単独で（トップレベルの `indicators` に）並ぶ指標について行います。
        印刷された評価の尺度上の範囲は、印刷された達成率（丸めを考慮して読む）を、印刷されて
        いなければ目標値と実績値から求めた達成率を含まなければなりません。
      en: |
        As `indicator-grade`, for the indicators a review lists on their own (top-level
        `indicators`): the printed grade's band on its scale must contain the printed rate (read
        with its rounding), or the rate computed from the target and actual when none is printed.
    help:
      ja: "達成率を含む範囲の評価にするか、達成率・目標値・実績値を直してください。"
      en: Give the grade whose band holds the rate, or correct the rate, target or actual.
    tags: [indicators, grades]
    for: indicators?[* as ind].years[*]
    when: gradeCheckable(root, ind, self) && (type(get(self, 'rate', null)) == 'number' || computable(root, ind, self))
    let:
      band: root.scales[indicatorScale(root, ind)].symbols[string(self.grade)]
      rate: "type(get(self, 'rate', null)) == 'number' ? printedRate(root, ind, self) : rateOf(root, ind, self)"
    assert: rate ~= interval(band)
    at: self.grade
    message:
      ja: "{ind.name}（{fiscalYearText(self.fy)}）：評価{self.grade}は達成率{interval(band)}の評価ですが、達成率は{rate}です"
      en: "{ind.name} FY{self.fy}: grade {self.grade} is for rates {interval(band)}, but the rate is {rate}"
    examples:
      valid:
        - |
          scales: {達成度: {symbols: {A: {min: 100}, B: {min: 80, max: 99}, C: {below: 80}}}}
          indicators:
            - {name: 転入者数, years: [{fy: 2022, target: 300, actual: 330, rate: 110.0, grade: A}, {fy: 2023, target: 300, actual: 250, grade: B}]}
      invalid:
        - |
          scales: {達成度: {symbols: {A: {min: 100}, B: {min: 80, max: 99}, C: {below: 80}}}}
          indicators:
            - name: 転入者数
              years:
                - {fy: 2022, target: 300, actual: 330, rate: 110.0, grade: B}  # expect: standalone-indicator-grade

"""#),
        (path: "Rules/plan-tables.yaml", text: #"""
# Plan format 2: the printed tables (`tables`), checked from their own declarations — columns
# and their kinds, the total row, ratio rows, the unit's rounding and symbols. No table name,
# column heading, unit or symbol is written here: what a table means is in the plan.
# Format: Docs/plan-format.md; rule format: Docs/rules.md.
format: planlint/plan@2

rules:
  - id: table-row-width
    severity: error
    summary:
      ja: "表の各行は、名前と、宣言された列ごと（グループごと）に一つのセルを持つ。比率の行はグループごとに一つ。"
      en: Each row of a table holds its name and one cell per declared column (per group); a ratio row one cell per group.
    description:
      ja: |
        plan@2の表は列を一度だけ宣言します（`groups` があれば、列が繰り返される見出しも）。印刷された
        各行は、名前のあとに列の順でセルが並びます。セルが多すぎる・少なすぎる行は、それ以降の
        セルがすべて別の列にずれるため、ほかの点を何も照合できません。比率の行（`ratios`）は
        グループごとに一つのセルを持ちます。
      en: |
        A plan@2 table declares its columns once (and, with `groups`, the headings they repeat
        under); each printed row is then its name followed by its cells in column order. A row
        with a cell too many or too few shifts every cell after it into the wrong column, so
        nothing else about it can be checked. Ratio rows (`ratios`) hold one cell per group.
    help:
      ja: "印刷された表と行を見比べ、足りないセルを加えるか余分なセルを除いてください。"
      en: Compare the row with the printed table and add or remove the cell that is missing or extra.
    tags: [tables]
    for: tables?[* as t].rows[*]
    let:
      expected: "isRatioRow(t, self) ? 1 + groupCount(t) : rowWidth(t)"
    assert: size(self) == expected
    at: self[0]
    message:
      ja: "{t.name}の行{self[0]}にはセルが{size(self) - 1}個ありますが、表の列からは{expected - 1}個のはずです"
      en: "row {self[0]} of {t.name} has {size(self) - 1} cells, but the table's columns call for {expected - 1}"
    examples:
      valid:
        - |
          tables:
            - name: 予算
              unit: 百万円
              groups: [2014, 2015]
              columns: [予算額, 実績額]
              total: 合計
              ratios: {対予算額比: {of: [実績額, 予算額], precision: 1}}
              rows:
                - [総務, 10, 9, 12, 12]
                - [合計, 10, 9, 12, 12]
                - [対予算額比, 90.0, 100.0]
      invalid:
        - |
          tables:
            - name: 予算
              columns: [件数]
              rows:
                - [総務, 10]
                - [企画, 3, 4]  # expect: table-row-width

  - id: table-cell-value
    severity: error
    summary:
      ja: "件数のセルは整数、金額のセルは数値・表が宣言した記号・空欄のいずれか。"
      en: A count cell is a whole number; an amount cell is a number, a symbol the table declares, or blank.
    description:
      ja: |
        件数の列は数値をそのまま持ちます。金額の列は、表の単位での数値、表が `symbols` で宣言した
        記号（1単位未満の＊、該当なしの－など）、または空欄（null）を持ちます。宣言されていない
        記号（＊の代わりのASCIIの `*` のような似た文字であることが多い）は金額として読めず、
        その列の合計を照合できません。
      en: |
        Count columns hold numbers, exactly. Amount columns hold numbers in the table's unit,
        the symbols the table declares in `symbols` (＊ for an amount under one unit, － for
        none …) or null for a blank cell. A symbol that is not declared — often a look-alike such
        as the ASCII `*` for ＊ — cannot be read as an amount, and the sums of its column cannot
        be checked.
    help:
      ja: "表の `symbols` から記号を書き写すか（または意味とともにそこで宣言するか）、印刷どおりの数値を書いてください。"
      en: Copy the symbol from the table's `symbols` (or declare it there with what it stands for), or write the number as printed.
    tags: [tables]
    for: tables?[* as t].rows[* as r][*]
    when: index > 0 && index < rowWidth(t) && !isRatioRow(t, r) && colKind(t, columnOf(t, index)) in summedKinds
    let:
      kind: colKind(t, columnOf(t, index))
    assert: readable(t, kind, self)
    message:
      ja: "{t.name}の{colName(columnOf(t, index))}列の{self}は{kind == 'count' ? '件数ではありません' : '数値でも宣言された記号でもありません'}"
      en: "{self} in column {colName(columnOf(t, index))} of {t.name} is not a {kind == 'count' ? 'count' : 'number or a declared symbol'}"
    notes:
      - ja: "{has(t.symbols) ? 'この表が宣言している記号：' + join(keys(t.symbols), ' ') : 'この表は記号を宣言していません'}"
        en: "{has(t.symbols) ? 'the table declares the symbols ' + join(keys(t.symbols), ' ') : 'the table declares no symbols'}"
    examples:
      valid:
        - |
          tables:
            - name: 予算
              unit: 百万円
              symbols: {＊: {means: 百万円未満, above: 0, below: 1}, －: {means: 該当なし, none: true}}
              columns: [予算額]
              rows:
                - [総務, "＊"]
                - [企画, "－"]
                - [広報, 3]
                - [議会, null]
      invalid:
        - |
          tables:
            - name: 予算
              unit: 百万円
              symbols: {＊: {means: 百万円未満, above: 0, below: 1}}
              columns: [予算額]
              rows:
                - [総務, "*"]  # expect: table-cell-value

  - id: table-column-total
    severity: error
    summary:
      ja: "合計行は、列ごとにほかの行の和に等しい。件数は正確に、金額は表の端数処理と記号の範囲内で。"
      en: The total row equals the sum of the other rows, column by column — counts exactly, amounts within the table's rounding and symbols.
    description:
      ja: |
        `total` の行を持つ表は、件数・金額・合計の各列に、その上の行の和を印刷しています。件数は
        正確なので、ぴったり一致しなければなりません。金額は丸めて（`rounding`）印刷され、記号の
        セル（＊：0より大きく1単位未満）もあるため、印刷された金額はそれぞれ真の金額の区間を
        表します。照合は、XBRLの計算チェックと同じく、行の和が合計になるような真の金額の選び方が
        **一つでも**あるか（二つの区間が交わるか）を問います。交わらなければ、どんな端数処理でも
        差は説明できず、どこかの行か合計が誤って印刷されています。
      en: |
        A table that names its `total` row prints, in each count, amount and total column, the
        sum of the rows above it. Counts are exact, so they must add up exactly. Amounts are
        printed rounded (`rounding`) and some cells are symbols (＊: more than 0 and less than
        one unit), so each printed amount stands for an interval of true amounts: the check asks
        whether **any** choice of true amounts makes the rows add up to the total (the two
        intervals meet), as XBRL calculation checks do. When they cannot meet, no rounding
        explains the difference: a row or the total was printed wrong.
    help:
      ja: "列を足し直し、誤って印刷された合計のセルか行を直してください。端数処理による差なら直す必要はありません。"
      en: Add up the column again; correct the total cell or the row that was printed wrong. A rounding difference needs no change.
    tags: [tables, arithmetic]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && isTotalRow(t, r) && kind in summedKinds && readable(t, kind, self)
        && self != null && rows.all(x, size(x) == rowWidth(t) && readable(t, kind, x[index]))
    let:
      col: columnOf(t, index)
      kind: colKind(t, col)
      rows: dataRows(t)
      added: sum(rows.map(x, readCell(t, kind, x[index])))
      printed: readCell(t, kind, self)
    assert: added ~= printed
    message:
      ja: "{t.name}{groupNameJa(t, groupOf(t, index))}の{colName(col)}：各行の和は{withUnit(added, get(t, 'unit', null))}ですが、{t.total}の行は{withUnit(printed, get(t, 'unit', null))}です"
      en: "{t.name}{groupName(t, groupOf(t, index))} {colName(col)}: the rows add up to {added}, but the {t.total} row says {printed}"
    notes:
      - ja: "{kind == 'count' ? '件数は正確なので一致しなければなりません' : '印刷された金額はそれぞれ、丸めるとその値になる金額（端数処理：' + get({'half-up': '四捨五入', 'down': '切り捨て', 'up': '切り上げ', 'unknown': '不明', 'exact': '端数なし'}, get(t, 'rounding', 'exact'), get(t, 'rounding', 'exact')) + '）' + (has(t.symbols) ? 'を、記号は表が宣言する範囲' : '') + 'を表します。二つの範囲が交わらないので、どんな端数処理でも差は説明できません'}"
        en: "{kind == 'count' ? 'counts are exact, so they must match' : 'each printed amount stands for the amounts that round to it (' + get(t, 'rounding', 'exact') + ')' + (has(t.symbols) ? ' and each symbol for what the table declares' : '') + '; the two ranges do not meet, so no rounding explains the difference'}"
    labels:
      - each: rows
        as: x
        at: x[index]
        message: "{x[0]}"
    examples:
      valid:
        - |
          tables:
            - name: 事業費
              unit: 百万円
              rounding: half-up
              symbols: {＊: {means: 百万円未満, above: 0, below: 1}}
              columns: [{name: 事業数, kind: count}, 予算額]
              total: 合計
              rows:
                - [総務, 2, 10]
                - [企画, 3, "＊"]
                - [広報, 1, 4]
                - [合計, 6, 15]
      invalid:
        - |
          tables:
            - name: 事業費
              unit: 百万円
              rounding: half-up
              symbols: {＊: {means: 百万円未満, above: 0, below: 1}}
              groups: [2015, 2016]
              columns: [{name: 事業数, kind: count}, 予算額]
              total: 合計
              rows:
                - [総務, 2, 10, 2, 10]
                - [企画, 3, "＊", 3, "＊"]
                - [合計, 6, 11, 5, 13]  # expect: table-column-total, table-column-total
        - yaml: |
            tables:
              - name: 評価実施事業数
                columns: [対象事業数]
                total: 総計
                rows:
                  - [総務課, 9]
                  - [税務課, 2]
                  - [総計, 12]  # expect: table-column-total
          messages:
            - ja: "評価実施事業数の対象事業数：各行の和は11ですが、総計の行は12です"
              en: "評価実施事業数 対象事業数: the rows add up to 11, but the 総計 row says 12"

  - id: table-total-column
    severity: error
    summary:
      ja: "合計の列は、その行の合計対象の列の和に等しい。"
      en: A total column equals the sum of the row's columns it totals.
    description:
      ja: |
        種類が `total` の列は、`of` で指定した列（既定では同じグループでそれより前のすべての件数・
        金額の列）の、その行の和を印刷しています。◎15、○80、△5、×0、－2の集計行は、合計の列に
        102と印刷していなければなりません。
      en: |
        A column of kind `total` prints the sum of the row's columns named in its `of` — by
        default every count and amount column before it in the same group. A tally row
        ◎ 15, ○ 80, △ 5, × 0, － 2 must say 102 in its total column.
    help:
      ja: "行を足し直し、誤って印刷された合計のセルかセルを直してください。"
      en: Add up the row again and correct the total cell or the cell that was printed wrong.
    tags: [tables, arithmetic]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && size(r) == rowWidth(t) && !isRatioRow(t, r)
        && colKind(t, columnOf(t, index)) == 'total' && type(self) == 'number' && parts.all(i, readable(t, colKind(t, t.columns[i]), r[cellIndex(t, g, i)]))
    let:
      g: groupOf(t, index)
      col: columnOf(t, index)
      j: (index - 1) % size(t.columns)
      named: "type(col) == 'string' || !has(col.of) ? [] : (type(col.of) == 'string' ? [col.of] : col.of)"
      parts: |
        positions.filter(i, i < size(t.columns) && (size(named) > 0 ? colName(t.columns[i]) in named : i < j && colKind(t, t.columns[i]) in ['count', 'amount']))
      added: sum(parts.map(i, readCell(t, colKind(t, t.columns[i]), r[cellIndex(t, g, i)])))
    assert: added ~= readCell(t, 'amount', self)
    message:
      ja: "{r[0]}{groupNameJa(t, g)}：{join(parts.map(i, colName(t.columns[i])), '＋')}の和は{added}ですが、{colName(col)}は{self}です"
      en: "{r[0]}{groupName(t, g)}: {join(parts.map(i, colName(t.columns[i])), ' + ')} add up to {added}, but its {colName(col)} says {self}"
    labels:
      - each: parts
        as: i
        at: r[cellIndex(t, g, i)]
        message: "{colName(t.columns[i])}"
    examples:
      valid:
        - |
          tables:
            - name: 自己評価
              columns: [◎, ○, △, {name: 合計, kind: total}]
              rows:
                - [個別事業, 15, 80, 5, 100]
      invalid:
        - |
          tables:
            - name: 自己評価
              columns: [◎, ○, △, {name: 合計, kind: total}]
              rows:
                - [個別事業, 15, 80, 5, 101]  # expect: table-total-column

  - id: table-share
    severity: error
    summary:
      ja: "印刷された構成比は、件数を列の合計で割った値と、印刷された桁数の範囲で一致する。"
      en: A printed share agrees with its count over the column's total, within its printed decimals.
    description:
      ja: |
        `share` の列は、行ごとに、`of` で指定した列の件数がその列の合計（合計行、なければ行の和）に
        占める割合を、`precision` 桁の百分率で印刷しています。印刷された52（整数の百分率。列に
        指定がなければ四捨五入）は51.5以上52.5未満を表し、221件中114件（51.58%）と一致します。
        真の割合をどう丸めても得られない構成比は、それ自体かその件数が誤っています。
      en: |
        A `share` column prints, per row, the row's count in the column named by `of` as a
        percentage of that column's total (the total row, or the sum of the rows when there is
        none), to `precision` decimals. A printed 52 (whole percents, rounded half-up unless
        the column says otherwise) stands for 51.5 up to 52.5: 114 of 221 (51.58 %) agrees with
        it. A share that no rounding of the true percentage can give is wrong — or its count is.
    help:
      ja: "件数÷合計×100を計算し、列の印刷どおりに丸めてください。構成比か件数を直してください。"
      en: Compute count ÷ total × 100 and round it as the column is printed; correct the share or the count.
    tags: [tables, shares]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && size(r) == rowWidth(t) && !isRatioRow(t, r)
        && colKind(t, col) == 'share' && has(col.of) && type(self) == 'number' && size(base) == 1
        && type(part) == 'number' && type(whole) == 'number' && whole > 0
    let:
      col: columnOf(t, index)
      g: groupOf(t, index)
      base: positions.filter(i, i < size(t.columns) && colName(t.columns[i]) == col.of)
      at_: cellIndex(t, g, base[0])
      part: r[at_]
      totals: totalRows(t)
      whole: "size(totals) == 1 && size(totals[0]) > at_ ? totals[0][at_] : sum(dataRows(t).map(x, x[at_]))"
      computed: part / whole * 100
    assert: percent(col, self) ~= computed
    message:
      ja: "{r[0]}：構成比{self}は{whole}中の{part}＝{round(computed, get(col, 'precision', 0) + 2)}%と一致しません"
      en: "{r[0]}: the share {self} does not agree with {part} of {whole} = {round(computed, get(col, 'precision', 0) + 2)} %"
    notes:
      - ja: "印刷された{self}は{percent(col, self)}を表します"
        en: "a printed {self} stands for {percent(col, self)}"
    labels:
      - {at: part, message: "{colName(col.of)}"}
    examples:
      valid:
        - |
          tables:
            - name: 成果指標の達成状況
              columns:
                - {name: 件数, counts: 成果指標}
                - {name: 割合, kind: share, of: 件数, precision: 0}
              total: 計
              rows:
                - [A, 114, 52]
                - [B, 24, 11]
                - [C, 59, 27]
                - [対象外, 24, 11]
                - [計, 221, 100]
      invalid:
        - |
          tables:
            - name: 成果指標の達成状況
              columns:
                - {name: 件数, counts: 成果指標}
                - {name: 割合, kind: share, of: 件数, precision: 0}
              total: 計
              rows:
                - [A, 114, 53]  # expect: table-share
                - [B, 107, 48]
                - [計, 221, 100]

  - id: table-share-sum
    severity: error
    summary:
      ja: "丸めた構成比の列は合計100になりうる。正確な和ではなく区間で照合する。"
      en: A column of rounded shares can add up to 100 — checked by interval, never by exact sum.
    description:
      ja: |
        丸めた構成比の和は、ぴったり100になるとは限りません。整数の百分率で印刷した四つの構成比は、
        それぞれ真の値から0.5ポイント以内なので、和は98から102のどれでもありえ、印刷された和が
        99や101でも正しいのです。照合は、区間として読んだ構成比の和が100になりうるかを問います。
        なりえなければ、どれかの構成比が誤って印刷されています（件数なしで印刷された構成比も
        これで照合されます）。
      en: |
        The shares of a column, each rounded, need not add up to exactly 100: four shares printed
        as whole percents stand for true shares each within half a point, so their sum can be
        anything from 98 to 102 and printed sums of 99 or 101 are right. The check asks whether
        the printed shares, read as intervals, can add up to 100; when they cannot, a share was
        printed wrong (this also checks shares printed without their counts).
    help:
      ja: "誤って印刷された構成比を見つけ（それぞれ件数と見比べて）、直してください。"
      en: Find the share that was printed wrong (compare each with its count), and correct it.
    tags: [tables, shares]
    for: tables?[* as t].rows[0][*]
    when: |
      index > 0 && index < rowWidth(t) && colKind(t, col) == 'share'
        && rows.all(x, size(x) == rowWidth(t) && type(x[index]) == 'number') && size(rows) > 0
    let:
      col: columnOf(t, index)
      rows: dataRows(t)
      added: sum(rows.map(x, percent(col, x[index])))
    assert: added ~= 100
    at: t.columns[(index - 1) % size(t.columns)]
    message:
      ja: "{t.name}の{colName(col)}列の構成比の和は{sum(rows.map(x, x[index]))}で、和が100になる真の構成比をどう丸めても得られません（{added}）"
      en: "the shares in column {colName(col)} of {t.name} add up to {sum(rows.map(x, x[index]))}, which no rounding of true shares adding up to 100 can give ({added})"
    labels:
      - each: rows
        as: x
        at: x[index]
        message: "{x[0]}"
    examples:
      valid:
        - |
          tables:
            - name: 改革の方向性
              columns: [{name: 割合, kind: share, precision: 0}]
              rows:
                - [継続, 52]
                - [改善, 11]
                - [縮小, 27]
                - [廃止, 11]
      invalid:
        - |
          tables:
            - name: 改革の方向性
              columns:
                - {name: 割合, kind: share, precision: 0}  # expect: table-share-sum
              rows:
                - [継続, 55]
                - [改善, 11]
                - [縮小, 27]
                - [廃止, 11]

  - id: table-ratio-row
    severity: error
    summary:
      ja: "比率の行は、合計行の元になる二つの列と、三つの数値すべての丸めの範囲で一致する。"
      en: A ratio row agrees with the total row's two columns it is computed from, within the rounding of all three.
    description:
      ja: |
        表の `ratios` は、合計行から計算される行をグループごとに一つのセルで示します。対予算額比は
        合計の実績額÷予算額×100を `precision` 桁で印刷したものです。金額も丸められているため、
        照合は区間で比べます。印刷された90.6（90.55以上90.65未満）は、丸めると6525と7199になる
        真の金額のどれかでその範囲の比率が得られれば、6525÷7199と一致します。
      en: |
        A table's `ratios` name rows computed from its total row, one cell per group: 対予算額比
        is the total's 実績額 ÷ 予算額 × 100, printed to `precision` decimals. The amounts are
        rounded too, so the check compares intervals: a printed 90.6 (90.55 to 90.65) agrees with
        6525 ÷ 7199 when some true amounts that round to them give a ratio in that range.
    help:
      ja: "合計行から比率を計算し直し、誤って印刷された比率か合計を直してください。"
      en: Compute the ratio from the total row again; correct the ratio or the total that was printed wrong.
    tags: [tables, arithmetic]
    for: tables?[? has(self.ratios) as t].rows[* as r][*]
    when: |
      index > 0 && isRatioRow(t, r) && index <= groupCount(t) && type(self) == 'number' && size(totals) == 1
        && size(num) == 1 && size(den) == 1 && size(totals[0]) == rowWidth(t)
        && isAmount(totals[0][cellIndex(t, g, num[0])], t) && isAmount(totals[0][cellIndex(t, g, den[0])], t)
        && lower(amount(totals[0][cellIndex(t, g, den[0])], t)) > 0
    let:
      g: index - 1
      decl: t.ratios[r[0]]
      totals: totalRows(t)
      num: positions.filter(i, i < size(t.columns) && colName(t.columns[i]) == decl.of[0])
      den: positions.filter(i, i < size(t.columns) && colName(t.columns[i]) == decl.of[1])
      top: totals[0][cellIndex(t, g, num[0])]
      bottom: totals[0][cellIndex(t, g, den[0])]
      computed: amount(top, t) / amount(bottom, t) * 100
    assert: percent(decl, self) ~= computed
    message:
      ja: "{r[0]}{groupNameJa(t, g)}：{self}は{t.total}の行の{decl.of[0]}÷{decl.of[1]}＝{top}÷{bottom}×100＝{round(exact(top) / exact(bottom) * 100, get(decl, 'precision', 1) + 2)}と一致しません"
      en: "{r[0]}{groupName(t, g)}: {self} does not agree with {decl.of[0]} ÷ {decl.of[1]} of the {t.total} row, {top} ÷ {bottom} × 100 = {round(exact(top) / exact(bottom) * 100, get(decl, 'precision', 1) + 2)}"
    notes:
      - ja: "印刷された比率は{percent(decl, self)}を表し、金額からは{computed}になりえます"
        en: "the printed ratio stands for {percent(decl, self)}; the amounts allow {computed}"
    labels:
      - {at: top, message: "{decl.of[0]}"}
      - {at: bottom, message: "{decl.of[1]}"}
    examples:
      valid:
        - |
          tables:
            - name: 事業費
              unit: 百万円
              rounding: half-up
              groups: [2014, 2015]
              columns: [予算額, 実績額]
              total: 合計
              ratios: {対予算額比: {of: [実績額, 予算額], precision: 1}}
              rows:
                - [総務, 7199, 6525, 4687, 3708]
                - [合計, 7199, 6525, 4687, 3708]
                - [対予算額比, 90.6, 79.1]
      invalid:
        - |
          tables:
            - name: 事業費
              unit: 百万円
              rounding: half-up
              groups: [2014, 2015]
              columns: [予算額, 実績額]
              total: 合計
              ratios: {対予算額比: {of: [実績額, 予算額], precision: 1}}
              rows:
                - [総務, 7199, 6525, 4687, 3708]
                - [合計, 7199, 6525, 4687, 3708]
                - [対予算額比, 90.6, 79.3]  # expect: table-ratio-row

  - id: table-ratio-column
    severity: error
    summary:
      ja: "比率の列は、同じ行の元になる二つのセルと、丸めの範囲で一致する。"
      en: A ratio column agrees with the two cells of its row it is computed from, within rounding.
    description:
      ja: |
        種類が `ratio` の列は、行ごとに、同じ行・同じグループの `of[0]`÷`of[1]`×100を `precision` 桁で
        印刷しています。比率の行と同じく三つの数値がどれも丸められているかもしれないので、
        照合はそれらの区間を比べます。
      en: |
        A column of kind `ratio` prints, per row, `of[0]` ÷ `of[1]` × 100 of the same row and
        group, to `precision` decimals. As for ratio rows, all three numbers may be rounded, and
        the check compares their intervals.
    help:
      ja: "行のセルから比率を計算し直し、誤って印刷された比率かセルを直してください。"
      en: Compute the ratio from the row's cells again and correct the ratio or the cell that was printed wrong.
    tags: [tables, arithmetic]
    for: tables?[* as t].rows[* as r][*]
    when: |
      index > 0 && index < rowWidth(t) && size(r) == rowWidth(t) && !isRatioRow(t, r)
        && colKind(t, col) == 'ratio' && has(col.of) && type(self) == 'number' && size(num) == 1 && size(den) == 1
        && isAmount(top, t) && isAmount(bottom, t) && lower(amount(bottom, t)) > 0
    let:
      col: columnOf(t, index)
      g: groupOf(t, index)
      num: positions.filter(i, i < size(t.columns) && colName(t.columns[i]) == col.of[0])
      den: positions.filter(i, i < size(t.columns) && colName(t.columns[i]) == col.of[1])
      top: r[cellIndex(t, g, num[0])]
      bottom: r[cellIndex(t, g, den[0])]
      computed: amount(top, t) / amount(bottom, t) * 100
    assert: percent(col, self) ~= computed
    message:
      ja: "{r[0]}{groupNameJa(t, g)}：{colName(col)}の{self}は{top}÷{bottom}×100と一致しません"
      en: "{r[0]}{groupName(t, g)}: {colName(col)} {self} does not agree with {top} ÷ {bottom} × 100"
    notes:
      - ja: "印刷された比率は{percent(col, self)}を表し、金額からは{computed}になりえます"
        en: "the printed ratio stands for {percent(col, self)}; the amounts allow {computed}"
    labels:
      - {at: top, message: "{col.of[0]}"}
      - {at: bottom, message: "{col.of[1]}"}
    examples:
      valid:
        - |
          tables:
            - name: 事業費
              unit: 千円
              rounding: down
              columns: [予算額, 決算額, {name: 執行率, kind: ratio, of: [決算額, 予算額], precision: 1}]
              rows:
                - [総務, 1200, 1080, 90.0]
      invalid:
        - |
          tables:
            - name: 事業費
              unit: 千円
              rounding: down
              columns: [予算額, 決算額, {name: 執行率, kind: ratio, of: [決算額, 予算額], precision: 1}]
              rows:
                - [総務, 1200, 1080, 92.0]  # expect: table-ratio-column

"""#),
        (path: "Rules/tallies.yaml", text: #"""
# The self-evaluation tally (自己評価): its rows must add up, and its 個別事業 row must agree
# with the marks of the projects listed in `fields`. Format: Docs/plan-format.md; rule
# format: Docs/rules.md.
# These rules check files in plan format 1 (`planlint/plan@1`, deprecated); plan@2 files are
# checked from their own declarations by the plan-*.yaml rules.
format: planlint/plan@1
rules:
  - id: tally-row-total
    severity: error
    summary:
      ja: "集計の各行の合計は、評価記号ごとの件数の和に等しい。"
      en: Each tally row's 合計 equals the sum of its mark counts.
    description:
      ja: |
        集計の行は事業を自己評価の記号（◎ ○ △ × －）ごとに数え、合計の列に総数を印刷します。
        どの事業もちょうど一つの記号を持つので、行の件数の和は合計に等しくなければなりません。
        そうでなければ、件数か合計の入力誤りか、事業が件数から漏れています。
      en: |
        A tally row counts projects by self-evaluation mark (◎ ○ △ × －) and prints the total
        in its 合計 column. Every project carries exactly one mark, so the counts of a row must
        add up to its total. When they do not, either a count or the total was mistyped, or a
        project was left out of the counts.
    help:
      ja: "行の評価記号を数え直し、誤って印刷された件数か合計を直してください。"
      en: Recount the row's marks, then correct the count or the total that was printed wrong.
    tags: [tallies, arithmetic]
    for: evaluation?.tally[*]
    # A count that is not a number is the schema's finding.
    when: type(self.total) == 'number' && values(self.counts).all(n, type(n) == 'number')
    let:
      counted: sum(values(self.counts).map(n, exact(n)))
    assert: self.total == counted
    at: self.total
    message:
      ja: "集計の「{self.category}」の行は合計{self.total}としていますが、評価記号の件数の和は{counted}です"
      en: "tally row {self.category} says {self.total} in total, but its marks add up to {counted}"
    labels:
      - each: keys(self.counts)
        as: mark
        at: self.counts[mark]
        message: "{mark}"
    examples:
      valid:
        - |
          evaluation:
            tally:
              - category: 個別事業
                counts: {◎: 15, ○: 80, △: 5, ×: 0, －: 2}
                total: 102
      invalid:
        - |
          evaluation:
            tally:
              - category: 個別事業
                counts: {◎: 15, ○: 80, △: 5, ×: 0, －: 2}
                total: 102
              - category: 情報発信サイト等
                counts: {◎: 7, ○: 27, △: 2, ×: 0, －: 1}
                total: 38  # expect: tally-row-total
        - yaml: |
            evaluation:
              tally:
                - category: 合計
                  counts: {◎: 1, ○: 1, △: 0, ×: 0, －: 0}
                  total: 3  # expect: tally-row-total
          messages:
            - ja: "集計の「合計」の行は合計3としていますが、評価記号の件数の和は2です"
              en: "tally row 合計 says 3 in total, but its marks add up to 2"

  - id: tally-total-row
    severity: error
    summary:
      ja: "集計の合計行は、評価記号ごとに、ほかの行の和に等しい。"
      en: The 合計 row of the tally equals the sum of the other rows, mark by mark.
    description:
      ja: |
        集計の合計行は区分の行（個別事業、情報発信サイト等…）を足したものです。評価記号ごとに、
        合計行の件数はほかの行のその記号の件数の和に等しくなければなりません。
      en: |
        The tally's 合計 row adds up the category rows (個別事業, 情報発信サイト等, …). For each
        mark, its count in the 合計 row must equal the sum of that mark's counts in the other
        rows.
    help:
      ja: "区分の行のその記号の件数を足し、誤って印刷された合計行か行を直してください。"
      en: Add up the mark's counts in the category rows and correct the 合計 row or the row that was printed wrong.
    tags: [tallies, arithmetic]
    for: "evaluation?.tally[? self.category == '合計'].counts[*]"
    let:
      rows: root.evaluation.tally.filter(r, r.category != '合計')
      added: sum(rows.map(r, exact(r.counts[key])))
    # A missing or non-numeric count is the schema's finding.
    when: type(self) == 'number' && rows.all(r, type(get(r.counts, key, null)) == 'number')
    assert: self == added
    message:
      ja: "合計の行は{key}を{self}件としていますが、区分の行の和は{added}件です"
      en: "合計 row says {self} for {key}, but the category rows add up to {added}"
    labels:
      - each: rows
        as: row
        at: row.counts[key]
        message: "{row.category}"
    examples:
      valid:
        - |
          evaluation:
            tally:
              - {category: 個別事業, counts: {◎: 15, ○: 80}, total: 95}
              - {category: 情報発信サイト等, counts: {◎: 7, ○: 27}, total: 34}
              - {category: 合計, counts: {◎: 22, ○: 107}, total: 129}
      invalid:
        - |
          evaluation:
            tally:
              - {category: 個別事業, counts: {◎: 15, ○: 80}, total: 95}
              - {category: 情報発信サイト等, counts: {◎: 7, ○: 27}, total: 34}
              - category: 合計
                counts:
                  ◎: 22
                  ○: 108  # expect: tally-total-row
                total: 130

  - id: tally-matches-marks
    severity: error
    summary:
      ja: "個別事業の集計は、評価記号ごとに、その記号を持つ一覧の事業の数を数えている。"
      en: The 個別事業 tally counts, for each mark, the listed projects that carry it.
    description:
      ja: |
        個別事業の集計行は、`fields` の下に並ぶ事業の評価記号をまとめたものです。評価記号ごとに、
        件数はその記号を持つ一覧の事業の数に等しくなければなりません。差があれば、一覧の記号を
        変えて集計を変えなかったか（またはその逆）、事業がどちらかから抜けています。
      en: |
        The tally row for 個別事業 (individual projects) summarises the marks of the projects
        listed under `fields`. For each mark, its count must equal the number of listed projects
        carrying that mark. A difference means a mark was changed in the list but not in the
        tally (or the other way round), or a project is missing from one of them.
    help:
      ja: "一覧でその記号を持つ事業を数え、集計か事業の評価記号を直してください。"
      en: Count the projects carrying the mark in the project list and correct the tally or the project's mark.
    tags: [tallies, projects]
    for: "evaluation?.tally[? self.category == '個別事業'].counts[*]"
    # A project without a mark is the schema's finding; the count waits for it.
    when: type(self) == 'number' && projects.all(p, has(p.mark))
    let:
      projects: flatten(flatten(root.fields.map(f, f.items.map(i, i.projects))))
      counted: projects.count(p, p.mark == key)
    assert: self == counted
    message:
      ja: "個別事業の集計は{key}を{self}件としていますが、事業の一覧で{key}の事業は{counted}件です"
      en: "the 個別事業 tally says {self} for {key}, but the project list has {counted} marked {key}"
    examples:
      valid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, mark: ◎}
                    - {number: 2, mark: ○}
                - projects:
                    - {number: 1, mark: ○}
          evaluation:
            tally:
              - category: 個別事業
                counts: {◎: 1, ○: 2, △: 0}
                total: 3
      invalid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, mark: ◎}
                    - {number: 2, mark: ◎}
                - projects:
                    - {number: 1, mark: ○}
          evaluation:
            tally:
              - category: 個別事業
                counts:
                  ◎: 1  # expect: tally-matches-marks
                  ○: 1
                  △: 1  # expect: tally-matches-marks
                total: 3

"""#),
        (path: "Rules/years.yaml", text: #"""
# Fiscal years (年度): each project's start and end, the ※ notes that state them, and the
# yearly project counts printed in the budget table (事業数) and in the prose (平成２７年度
# ９８事業（Ｈ２６年度より追加３，終了３）). Years are Western fiscal years (平成 year + 1988).
# That every project has a start and an end year is the plan schema's job
# (Plans/plan.schema.yaml: `required`, `type: integer`); these rules skip a project without
# them (and a count that needs them), so a missing year is reported once, by the schema. Format: Docs/plan-format.md; rule format: Docs/rules.md.
# These rules check files in plan format 1 (`planlint/plan@1`, deprecated); plan@2 files are
# checked from their own declarations by the plan-*.yaml rules.
format: planlint/plan@1
rules:
  - id: project-start-before-end
    severity: error
    summary:
      ja: "事業の開始年度は終了年度より後でない。"
      en: A project's start year is not after its end year.
    description:
      ja: |
        `start` は事業が実施された最初の年度、`end` は最後の年度です。開始より前に終わる事業は
        まったく実施されていないことになります。たいていは二つの年度のどちらかの入力誤りか、
        別の※注記から写したものです。
      en: |
        `start` is the first fiscal year in which a project ran and `end` the last. A project
        that ends before it starts cannot have run at all; usually one of the two years was
        mistyped, or taken from the wrong ※ note.
    help:
      ja: "開始年度か終了年度を直してください。※注記（※平成２７年度で終了、※H27年度事業開始）がどちらかを示しています。"
      en: Correct the start or the end year; a ※ note (※平成２７年度で終了, ※H27年度事業開始) says which.
    tags: [years, projects]
    for: fields?[* as field].items[* as item].projects[*]
    when: type(get(self, 'start', null)) == 'number' && type(get(self, 'end', null)) == 'number'
    assert: self.start <= self.end
    at: self.end
    message:
      ja: "{self.name}（分野{field.number}・項目{item.number}・事業{self.number}）は{fiscalYearText(self.end)}に終了し、{fiscalYearText(self.start)}の開始より前です"
      en: "{self.name} (分野{field.number}・項目{item.number}・事業{self.number}) ends in FY{self.end}, before it starts in FY{self.start}"
    labels:
      - at: self.start
        message:
          ja: "ここで開始"
          en: starts here
    examples:
      valid:
        - |
          fields:
            - number: 1
              items:
                - number: 1
                  projects:
                    - {number: 1, name: 地上デジタル放送への円滑な移行の促進, start: 2014, end: 2014}
      invalid:
        - |
          fields:
            - number: 1
              items:
                - number: 1
                  projects:
                    - number: 1
                      name: オープンデータの整備
                      start: 2015
                      end: 2014  # expect: project-start-before-end

  - id: project-year-in-period
    severity: error
    summary:
      ja: "事業の開始年度と終了年度は計画期間内にある。"
      en: A project's start and end years lie inside the plan period.
    description:
      ja: |
        計画は `plan.period.start` から `plan.period.end` までです（みやぎＩＣＴ推進プラン：平成２６〜
        平成２８年度）。計画の事業はその期間内に開始し終了するはずです。期間外の年度は、たいてい
        和暦の換算の誤り（平成＋1988、令和＋2018）か、年度の代わりに暦年を書いたものです。
      en: |
        The plan runs from `plan.period.start` to `plan.period.end` (みやぎＩＣＴ推進プラン: 平成２６
        to 平成２８年度, FY2014–FY2016). A project of the plan can only start and end inside that
        period. A year outside it is usually a slip in converting the era year (平成 year +
        1988, 令和 year + 2018) or a calendar year written for a fiscal year.
    help:
      ja: "印刷された年度を換算し直してください（平成２７年度 → 2015）。※注記のない事業は計画期間全体にわたります。"
      en: Convert the printed year again (平成２７年度 → 2015); a project without a ※ note runs the whole plan period.
    tags: [years, projects]
    for: fields?[* as field].items[* as item].projects[*]
    when: type(get(self, 'start', null)) == 'number' && type(get(self, 'end', null)) == 'number'
    let:
      period: root.plan.period
      startOut: self.start < period.start || self.start > period.end
      endOut: self.end < period.start || self.end > period.end
    assert: "!startOut && !endOut"
    at: "startOut ? self.start : self.end"
    message:
      ja: "{self.name}（分野{field.number}・項目{item.number}・事業{self.number}）は{startOut ? fiscalYearText(self.start) + 'に開始' + (endOut ? 'し、' + fiscalYearText(self.end) + 'に終了' : '') : fiscalYearText(self.end) + 'に終了'}していて、計画期間（{fiscalYearText(period.start)}〜{fiscalYearText(period.end)}）の外です"
      en: "{self.name} (分野{field.number}・項目{item.number}・事業{self.number}) {startOut ? 'starts in FY' + string(self.start) + (endOut ? ' and ends in FY' + string(self.end) : '') : 'ends in FY' + string(self.end)}, outside the plan period FY{period.start}–FY{period.end}"
    labels:
      - each: "startOut && endOut ? [self.end] : []"
        message:
          ja: "こちらも期間外"
          en: also outside
      - at: period.start
        message:
          ja: "計画の開始"
          en: the plan starts
      - at: period.end
        message:
          ja: "計画の終了"
          en: the plan ends
    examples:
      valid:
        - |
          plan:
            period: {start: 2014, end: 2016}
          fields:
            - number: 1
              items:
                - number: 1
                  projects:
                    - {number: 1, name: 衛星系無線設備の更新, start: 2014, end: 2014}
      invalid:
        - yaml: |
            plan:
              period: {start: 2014, end: 2016}
            fields:
              - number: 9
                items:
                  - number: 1
                    projects:
                      - number: 4
                        name: 衛星系無線設備の更新
                        start: 2013  # expect: project-year-in-period
                        end: 2026
                      - number: 5
                        name: 例
                        start: 2014
                        end: 2017  # expect: project-year-in-period
          messages:
            - ja: "衛星系無線設備の更新（分野9・項目1・事業4）は平成25年度に開始し、令和8年度に終了していて、計画期間（平成26年度〜平成28年度）の外です"
              en: "衛星系無線設備の更新 (分野9・項目1・事業4) starts in FY2013 and ends in FY2026, outside the plan period FY2014–FY2016"
            - "例 (分野9・項目1・事業5) ends in FY2017, outside the plan period FY2014–FY2016"

  - id: project-note-year
    severity: error
    summary:
      ja: "事業が年度に終了・開始したと述べる※注記は、その終了年度・開始年度と一致する。"
      en: A ※ note saying a project ended (終了) or started (開始) in a fiscal year agrees with its end or start.
    description:
      ja: |
        事業の一覧は年度を印刷せず、事業の下の※注記が終了・開始の時期を述べます：※平成２７年度で終了、
        ※H27年度事業開始。転記では `end` や `start` を注記から取る（Docs/plan-format.md）ので、二つは
        一致しなければなりません。終了の注記は `end` を、開始の注記は `start` を与えます。

        年度はルール言語の `fiscalYear()` で読みます：平成の年＋1988、令和の年＋2018、全角数字（２７）や
        H/Rの文字も含みます。注記の最初の和暦年を使います。開始と終了の両方に触れる注記や、年度の
        ない注記は照合しません。

        注記は印刷されたものなので、食い違いは年度の位置に、注記をラベルとして報告します。
      en: |
        The project list prints no years; a ※ note under a project says when it ended or
        started: ※平成２７年度で終了 ("ended in 平成27 = FY2015"), ※H27年度事業開始 ("started in
        FY2015"). The transcription takes `end` or `start` from the note (Docs/plan-format.md),
        so the two must agree: a note with 終了 gives `end`, a note with 開始 gives `start`.

        The year is read with the rule language's `fiscalYear()`: 平成 year + 1988, 令和 year +
        2018, full-width digits (２７) and the letters H/R included. The first era year of the
        note is used. A note that mentions both 開始 and 終了, or no year at all, is not
        checked.

        Because the note is what was printed, a disagreement is reported at the year, with the
        note as a label.
    help:
      ja: "注記から年度を設定するか（平成の年＋1988）、注記が誤って写されていれば写し直してください。"
      en: Set the year from the note (平成 year + 1988), or copy the note again if it was mistyped.
    tags: [years, projects, notes]
    for: "fields?[* as field].items[* as item].projects[? has(self.note)]"
    when: |
      (self.note.contains('終了') != self.note.contains('開始')) && self.note.matches('[0-9０-９元]')
        && type(get(self, 'start', null)) == 'number' && type(get(self, 'end', null)) == 'number'
    let:
      ended: self.note.contains('終了')
      said: fiscalYear(self.note)
      year: "ended ? self.end : self.start"
    assert: said == year
    at: year
    message:
      ja: "{self.name}（分野{field.number}・項目{item.number}・事業{self.number}）：注記{self.note}は{fiscalYearText(said, self.note)}に{ended ? '終了' : '開始'}したと述べていますが、{ended ? '終了' : '開始'}年度は{fiscalYearText(year, self.note)}です"
      en: "{self.name} (分野{field.number}・項目{item.number}・事業{self.number}): the note {self.note} says it {ended ? 'ended' : 'started'} in FY{said}, but its {ended ? 'end' : 'start'} year is {year}"
    labels:
      - at: self.note
        message:
          ja: "{fiscalYearText(said, self.note)}"
          en: "FY{said}"
    examples:
      valid:
        - |
          fields:
            - number: 2
              items:
                - number: 1
                  projects:
                    - {number: 15, name: 情報システムのサーバー統合, start: 2015, end: 2016, note: "※H27年度事業開始"}
                    - {number: 16, name: 漁業用海岸局の再構築, start: 2014, end: 2015, note: "※平成２７年度で終了"}
                    - {number: 17, name: 例, start: 2014, end: 2016, note: "※事業名を変更"}
      invalid:
        - yaml: |
            fields:
              - number: 6
                items:
                  - number: 1
                    projects:
                      - number: 3
                        name: 漁業用海岸局の再構築
                        start: 2014
                        end: 2016  # expect: project-note-year
                        note: "※平成27年度で終了"
                      - number: 5
                        name: IT技術を活用したギンザケ養殖高度化事業
                        start: 2015  # expect: project-note-year
                        end: 2016
                        note: "※平成28年度事業開始"
          messages:
            - ja: "漁業用海岸局の再構築（分野6・項目1・事業3）：注記※平成27年度で終了は平成27年度に終了したと述べていますが、終了年度は平成28年度です"
              en: "漁業用海岸局の再構築 (分野6・項目1・事業3): the note ※平成27年度で終了 says it ended in FY2015, but its end year is 2016"
            - "IT技術を活用したギンザケ養殖高度化事業 (分野6・項目1・事業5): the note ※平成28年度事業開始 says it started in FY2016, but its start year is 2015"

  - id: project-partial-years-noted
    severity: warning
    summary:
      ja: "計画の初年度より後に始まる事業、最終年度より前に終わる事業には、そう述べる※注記がある。"
      en: A project that starts after the plan's first year or ends before its last has a ※ note saying so.
    description:
      ja: |
        この種の評価書は事業の一覧に年度を印刷しません。※注記が別の年度に開始した（※H27年度事業開始）
        または終了した（※平成２７年度で終了）と述べない限り、事業は計画期間全体にわたり、転記では
        `start` と `end` を注記から写します（Docs/plan-format.md）。計画期間より短いのにそうした注記の
        ない事業は、印刷された一覧と矛盾します。年度の入力誤りか、注記の写し漏れです。

        これはエラーではなく警告です。一覧が注記ではなく列で年度を印刷している計画では無効にして
        かまいません。
      en: |
        Reports of this kind print no years in the project list: a project runs the whole plan
        period unless a ※ note says it started (※H27年度事業開始) or ended (※平成２７年度で終了)
        in another year, and the transcription derives `start` and `end` from the notes
        (Docs/plan-format.md). A project whose years are shorter than the plan period but that
        has no such note therefore contradicts the printed list: a year was mistyped, or the
        note was left out.

        This is a warning, not an error: a plan whose list prints the years in columns
        instead of notes may switch it off.
    help:
      ja: "事業の※注記を `note` に写すか、`start` と `end` を計画期間に合わせてください。"
      en: Copy the project's ※ note into `note`, or set `start` and `end` to the plan period.
    tags: [years, projects, notes]
    for: fields?[* as field].items[* as item].projects[*]
    # Only projects shorter than the plan period are looked at further.
    when: |
      type(get(self, 'start', null)) == 'number' && type(get(self, 'end', null)) == 'number'
        && (self.start > root.plan.period.start || self.end < root.plan.period.end)
    let:
      note: get(self, 'note', '')
      late: self.start > root.plan.period.start && !note.contains('開始')
      early: self.end < root.plan.period.end && !note.contains('終了')
    assert: "!late && !early"
    at: "late ? self.start : self.end"
    message:
      ja: "{self.name}（分野{field.number}・項目{item.number}・事業{self.number}）は計画期間（{fiscalYearText(root.plan.period.start)}〜{fiscalYearText(root.plan.period.end)}）内の{late ? fiscalYearText(self.start) + 'に開始' : fiscalYearText(self.end) + 'に終了'}していますが、その年度に{late ? '開始' : '終了'}したと述べる※注記がありません"
      en: "{self.name} (分野{field.number}・項目{item.number}・事業{self.number}) {late ? 'starts in FY' + string(self.start) : 'ends in FY' + string(self.end)}, within the plan period FY{root.plan.period.start}–FY{root.plan.period.end}, but has no ※ note saying it {late ? 'started (開始)' : 'ended (終了)'} then"
    examples:
      valid:
        - |
          plan:
            period: {start: 2014, end: 2016}
          fields:
            - number: 1
              items:
                - number: 1
                  projects:
                    - {number: 1, name: ブロードバンド環境の整備促進と利活用の促進, start: 2014, end: 2016}
                    - {number: 4, name: 地上デジタル放送への円滑な移行の促進, start: 2014, end: 2014, note: "※平成26年度で終了"}
      invalid:
        - |
          plan:
            period: {start: 2014, end: 2016}
          fields:
            - number: 1
              items:
                - number: 1
                  projects:
                    - number: 1
                      name: ブロードバンド環境の整備促進と利活用の促進
                      start: 2014
                      end: 2015  # expect: project-partial-years-noted
                    - number: 2
                      name: オープンデータの整備
                      start: 2015  # expect: project-partial-years-noted
                      end: 2016

  - id: field-year-project-count
    severity: error
    summary:
      ja: "分野・年度ごとに、個別事業の事業費表の事業数は、その年度に実施中の分野の事業の数に等しい。"
      en: Per field and year, the 個別事業 budget table's 事業数 equals the field's listed projects running that year.
    description:
      ja: |
        個別事業の事業費表は、分野・年度ごとに事業数（その年度に実施された分野の事業の数）を示します。
        事業の一覧は各事業の分野と、`start` と `end` を通じて実施年度を示します。二つは一致しなければ
        なりません。事業は開始≦Y≦終了のとき年度Yに実施中です。

        行は名前で分野と対応づけます（`fields[].name` ＝ 行の `field`。budget-row-field を参照）。差が
        あれば、事業が一覧から抜けたか別の分野に置かれたか、開始・終了年度（またはその※注記）が
        誤っているか、件数の入力誤りです。計画期間全体にわたらない分野の事業を、年度の誤りが
        隠れやすい場所としてラベルに示します。
      en: |
        The 個別事業 (individual projects) budget table gives, per field (分野) and fiscal year,
        事業数 — how many of the field's projects ran that year. The project list gives each
        project's field and, through `start` and `end`, the years it ran. The two must agree:
        a project runs in year Y when start ≤ Y ≤ end.

        Rows are matched to fields by name (`fields[].name` = the row's `field`; see
        budget-row-field). A difference means a project is missing from the list or filed
        under another field, a start or end year (or its ※ note) is wrong, or the count was
        mistyped. The projects of the field that do not run the whole plan period are shown as
        labels, since they are where a wrong year usually hides.
    help:
      ja: "開始≦年度≦終了の分野の事業を数え、ラベルの事業の※注記を確かめてから、年度・一覧・件数を直してください。"
      en: Count the field's projects with start ≤ year ≤ end; check the ※ notes of the labelled projects, then correct the year, the list or the count.
    tags: [years, budgets, counts]
    for: "budgets?.tables[? self.category == '個別事業' as table].rows[* as row].years[*].count"
    when: type(self) == 'number' && matched.size() == 1 && projects.all(p, type(get(p, 'start', null)) == 'number' && type(get(p, 'end', null)) == 'number')
    let:
      matched: root.fields.filter(f, f.name == row.field)
      projects: flatten(flatten(matched.map(f, f.items.map(i, i.projects))))
      fy: exact(parent.fy)
      running: projects.count(p, p.start <= fy && fy <= p.end)
    assert: self == running
    message:
      ja: "{row.field}（{fiscalYearText(fy)}）：個別事業の表は{self}事業としていますが、分野の一覧でその年度に実施中の事業は{running}事業です（開始≦{fiscalYearText(fy)}≦終了。全部で{size(projects)}事業）"
      en: "{row.field} FY{fy}: the 個別事業 table counts {self} projects, but the field lists {running} running that year (start ≤ FY{fy} ≤ end; {size(projects)} listed in all)"
    labels:
      - each: projects.filter(p, p.start > root.plan.period.start || p.end < root.plan.period.end)
        as: p
        at: "p.start > root.plan.period.start ? p.start : p.end"
        message:
          ja: "{p.name}：{fiscalYearText(p.start)}〜{fiscalYearText(p.end)}"
          en: "{p.name}: FY{p.start}–FY{p.end}"
    examples:
      valid:
        - |
          plan:
            period: {start: 2014, end: 2016}
          fields:
            - name: 農業・林業・水産業
              items:
                - projects:
                    - {number: 1, name: 森林情報管理システムの再構築, start: 2014, end: 2016}
                    - {number: 3, name: 漁業用海岸局の再構築, start: 2014, end: 2015}
                    - {number: 5, name: IT技術を活用したギンザケ養殖高度化事業, start: 2016, end: 2016}
          budgets:
            tables:
              - category: 個別事業
                rows:
                  - field: 農業・林業・水産業
                    years: [{fy: 2014, count: 2}, {fy: 2015, count: 2}, {fy: 2016, count: 2}]
              - category: 情報発信サイト等
                rows:
                  - field: 農業・林業・水産業
                    years: [{fy: 2014, count: 1}, {fy: 2015, count: 2}, {fy: 2016, count: 2}]
      invalid:
        - yaml: |
            plan:
              period: {start: 2014, end: 2016}
            fields:
              - name: 農業・林業・水産業
                items:
                  - projects:
                      - {number: 1, name: 森林情報管理システムの再構築, start: 2014, end: 2016}
                      - {number: 3, name: 漁業用海岸局の再構築, start: 2014, end: 2015}
                      - {number: 5, name: IT技術を活用したギンザケ養殖高度化事業, start: 2016, end: 2016}
            budgets:
              tables:
                - category: 個別事業
                  rows:
                    - field: 農業・林業・水産業
                      years:
                        - {fy: 2014, count: 2}
                        - {fy: 2015, count: 3}  # expect: field-year-project-count
                        - {fy: 2016, count: 2}
          messages:
            - ja: "農業・林業・水産業（平成27年度）：個別事業の表は3事業としていますが、分野の一覧でその年度に実施中の事業は2事業です（開始≦平成27年度≦終了。全部で3事業）"
              en: "農業・林業・水産業 FY2015: the 個別事業 table counts 3 projects, but the field lists 2 running that year (start ≤ FY2015 ≤ end; 3 listed in all)"

  - id: stated-year-projects
    severity: error
    summary:
      ja: "述べられた年度の事業数（平成２７年度 ９８事業）は、その年度に実施中の一覧の事業の数に等しい。"
      en: The stated number of projects in a fiscal year (平成２７年度 ９８事業) equals the listed projects running that year.
    description:
      ja: |
        文書は年度ごとに実施された事業の数を述べています（平成２６年度 ９８事業、平成２７年度 ９８事業…）。
        事業は開始≦Y≦終了のとき年度Yに実施中なので、述べられた数は開始≦Y≦終了の一覧の事業の
        数に等しくなければなりません。差があれば、開始・終了年度（またはその※注記）が誤っているか、
        事業が一覧から抜けたか、述べられた数の入力誤りです。
      en: |
        The document states how many projects ran in each fiscal year (平成２６年度 ９８事業,
        平成２７年度 ９８事業, …). A project runs in year Y when its start ≤ Y ≤ its end, so the
        stated number must equal the listed projects with start ≤ Y ≤ end. A difference means a
        start or end year (or its ※ note) is wrong, a project is missing from the list, or the
        stated number was mistyped.
    help:
      ja: "開始≦年度≦終了の一覧の事業を数え、述べられた数か事業の年度を直してください。"
      en: Count the listed projects with start ≤ year ≤ end, then correct the stated number or the project's years.
    tags: [years, counts]
    for: stated_counts?.years?[*].projects
    # A project without years is the schema's finding; the count waits for it.
    when: type(self) == 'number' && listed.all(p, type(get(p, 'start', null)) == 'number' && type(get(p, 'end', null)) == 'number')
    let:
      fy: exact(parent.fy)
      listed: flatten(flatten(root.fields.map(f, f.items.map(i, i.projects))))
      running: listed.count(p, p.start <= fy && fy <= p.end)
    assert: self == running
    message:
      ja: "計画は{fiscalYearText(fy)}を{self}事業としていますが、一覧でその年度に実施中の事業は{running}事業です（開始≦{fiscalYearText(fy)}≦終了）"
      en: "the plan states {self} projects in FY{fy}, but the list has {running} running that year (start ≤ FY{fy} ≤ end)"
    examples:
      valid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, start: 2014, end: 2016}
                    - {number: 2, start: 2014, end: 2014}
                    - {number: 3, start: 2015, end: 2016}
          stated_counts:
            years:
              - {fy: 2014, projects: 2}
              - {fy: 2015, projects: 2}
      invalid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, start: 2014, end: 2016}
                    - {number: 2, start: 2014, end: 2014}
                    - {number: 3, start: 2015, end: 2016}
          stated_counts:
            years:
              - {fy: 2014, projects: 2}
              - {fy: 2015, projects: 3}  # expect: stated-year-projects

  - id: stated-year-added
    severity: error
    summary:
      ja: "述べられた年度の追加事業数（追加N）は、その年度に開始する一覧の事業の数に等しい。"
      en: The stated number of projects added in a year (追加N) equals the listed projects that start that year.
    description:
      ja: |
        各年度の事業数の横に、文書は前年度と比べて追加された事業の数を述べています：平成２７年度
        ９８事業（Ｈ２６年度より追加３，終了３）。事業はYに実施中でY − 1に実施中でないとき、つまりY
        に開始するとき、年度Yに追加されたことになります。述べられた数は、Yに開始する一覧の事業の
        数に等しくなければなりません。
      en: |
        Beside each year's project count the document states how many projects were added
        compared with the year before: 平成２７年度 ９８事業（Ｈ２６年度より追加３，終了３）
        ("FY2015: 98 projects; compared with FY2014, 3 added and 3 ended"). A project is added
        in year Y when it runs in Y but not in Y − 1, i.e. it starts in Y. The stated number
        must equal the listed projects that start in Y.
    help:
      ja: "開始がその年度である一覧の事業（※注記が事業開始と述べるもの）を数え、述べられた数か事業の開始を直してください。"
      en: Count the listed projects whose start is that year (their ※ notes say 事業開始), then correct the stated number or the project's start.
    tags: [years, counts]
    for: stated_counts?.years?[*].added?
    # A project without years is the schema's finding; the count waits for it.
    when: type(self) == 'number' && listed.all(p, type(get(p, 'start', null)) == 'number' && type(get(p, 'end', null)) == 'number')
    let:
      fy: exact(parent.fy)
      listed: flatten(flatten(root.fields.map(f, f.items.map(i, i.projects))))
      starting: listed.filter(p, p.start <= fy && fy <= p.end && !(p.start <= fy - 1 && fy - 1 <= p.end))
    assert: self == size(starting)
    message:
      ja: "計画は{fiscalYearText(fy)}の追加を{self}事業としていますが、一覧でその年度に開始する事業は{size(starting)}事業です"
      en: "the plan states {self} projects added in FY{fy} (追加), but the list has {size(starting)} starting that year"
    labels:
      - each: starting
        as: p
        at: p.start
        message: "{p.name}"
    examples:
      valid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, name: 総合情報ネットワークの運用, start: 2014, end: 2016}
                    - {number: 2, name: オープンデータの整備, start: 2015, end: 2016}
          stated_counts:
            years:
              - {fy: 2014, projects: 1}
              - {fy: 2015, projects: 2, added: 1, ended: 0}
      invalid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, name: 総合情報ネットワークの運用, start: 2014, end: 2016}
                    - {number: 2, name: オープンデータの整備, start: 2015, end: 2016}
          stated_counts:
            years:
              - {fy: 2014, projects: 1}
              - fy: 2015
                projects: 2
                added: 2  # expect: stated-year-added

  - id: stated-year-ended
    severity: error
    summary:
      ja: "述べられた前年度からの終了事業数（終了N）は、前年度が最終年度の一覧の事業の数に等しい。"
      en: The stated number of projects ended since the year before (終了N) equals the listed projects whose last year was the year before.
    description:
      ja: |
        各年度の事業数の横に、文書は前年度と比べて終了した事業の数を述べています：平成２８年度 ９６事業
        （Ｈ２７年度より追加１，終了３）。事業はY − 1に実施中でYに実施中でないとき、つまり終了がY − 1の
        とき、年度Yまでに終了したことになります。Y＝平成28年度なら注記※平成２７年度で終了の年度です。
        述べられた数は、終了がY − 1の一覧の事業の数に等しくなければなりません。
      en: |
        Beside each year's project count the document states how many projects ended compared
        with the year before: 平成２８年度 ９６事業（Ｈ２７年度より追加１，終了３） ("FY2016: 96
        projects; compared with FY2015, 1 added and 3 ended"). A project has ended by year Y
        when it ran in Y − 1 but not in Y, i.e. its end is Y − 1 — the year of its note
        ※平成２７年度で終了 (FY2015) for Y = FY2016. The stated number must equal the listed
        projects whose end is Y − 1.
    help:
      ja: "終了が前年度である一覧の事業（※注記がで終了と述べるもの）を数え、述べられた数か事業の終了を直してください。"
      en: Count the listed projects whose end is the year before (their ※ notes say で終了), then correct the stated number or the project's end.
    tags: [years, counts]
    for: stated_counts?.years?[*].ended?
    # A project without years is the schema's finding; the count waits for it.
    when: type(self) == 'number' && listed.all(p, type(get(p, 'start', null)) == 'number' && type(get(p, 'end', null)) == 'number')
    let:
      fy: exact(parent.fy)
      listed: flatten(flatten(root.fields.map(f, f.items.map(i, i.projects))))
      ending: listed.filter(p, p.start <= fy - 1 && fy - 1 <= p.end && !(p.start <= fy && fy <= p.end))
    assert: self == size(ending)
    message:
      ja: "計画は{fiscalYearText(fy)}までの終了を{self}事業としていますが、一覧で{fiscalYearText(fy - 1)}に終了する事業は{size(ending)}事業です"
      en: "the plan states {self} projects ended by FY{fy} (終了), but the list has {size(ending)} ending in FY{fy - 1}"
    labels:
      - each: ending
        as: p
        at: p.end
        message: "{p.name}"
    examples:
      valid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, name: 総合情報ネットワークの運用, start: 2014, end: 2016}
                    - {number: 2, name: 地上デジタル放送への円滑な移行の促進, start: 2014, end: 2014}
          stated_counts:
            years:
              - {fy: 2014, projects: 2}
              - {fy: 2015, projects: 1, added: 0, ended: 1}
      invalid:
        - |
          fields:
            - items:
                - projects:
                    - {number: 1, name: 総合情報ネットワークの運用, start: 2014, end: 2016}
                    - {number: 2, name: 地上デジタル放送への円滑な移行の促進, start: 2014, end: 2014}
          stated_counts:
            years:
              - {fy: 2014, projects: 2}
              - fy: 2015
                projects: 1
                added: 0
                ended: 0  # expect: stated-year-ended

"""#),
    ]
}
