import ParseCore

/// A page to learn from: its observation and the labels it should get.
package struct LabelledPage {
    package let observation: PageObservation
    package let labels: [LineLabel]

    package init(_ page: TruthPage, wording: TitleWording = .bundled) {
        observation = PageObservation(text: page.text, wording: wording)
        labels = LineAlignment.labels(observation, truth: page.articles)
    }
}

/// The averaged structured perceptron (Collins 2002): decode each page with the weights so far,
/// move them towards the true labels where the decoding is wrong, and keep the average of
/// every step's weights, which generalises far better than the last. Pages are visited in an
/// order drawn from `seed`, so the same pages give the same model, byte for byte.
package enum Perceptron {
    package static func train(_ pages: [LabelledPage], epochs: Int, seed: UInt64, trainedOn: String,
                             report: ((Int, Int) -> Void)? = nil) -> LineModel {
        let k = LineLabel.allCases.count, slots = LineModel.slots, mask = UInt32(slots - 1)
        var w = [Double](repeating: 0, count: slots * k), wa = w
        var t = [[Double]](repeating: [Double](repeating: 0, count: k), count: k), ta = t
        var s = [Double](repeating: 0, count: k), sa = s
        var step = 1.0
        var orders = EpochOrder(count: pages.count, seed: seed)
        for epoch in 0..<epochs {
            var wrong = 0
            for p in orders.next() {
                let page = pages[p], gold = page.labels.map(\.rawValue)
                let emission = page.observation.features.map { fs in
                    (0..<k).map { y in fs.reduce(0.0) { $0 + w[Int($1 & mask) * k + y] } }
                }
                let guess = Viterbi.decode(emission: emission, transition: t, start: s, allowed: page.observation.allowed)
                if guess != gold {
                    for i in gold.indices where guess[i] != gold[i] {
                        wrong += 1
                        for f in page.observation.features[i] {
                            let base = Int(f & mask) * k
                            w[base + gold[i]] += 1; wa[base + gold[i]] += step
                            w[base + guess[i]] -= 1; wa[base + guess[i]] -= step
                        }
                    }
                    for i in gold.indices {
                        let (g, h) = (gold[i], guess[i])
                        if i == 0 {
                            if g != h { s[g] += 1; sa[g] += step; s[h] -= 1; sa[h] -= step }
                        } else if (gold[i - 1], g) != (guess[i - 1], h) {
                            t[gold[i - 1]][g] += 1; ta[gold[i - 1]][g] += step
                            t[guess[i - 1]][h] -= 1; ta[guess[i - 1]][h] -= step
                        }
                    }
                }
                step += 1
            }
            report?(epoch + 1, wrong)
        }
        let weights = zip(w, wa).map { Float($0 - $1 / step) }
        let transition = zip(t, ta).map { zip($0, $1).map { $0 - $1 / step } }
        return LineModel(trainedOn: trainedOn, weights: weights, transition: transition, start: zip(s, sa).map { $0 - $1 / step })
    }

    /// The whole model of `make train`: the line model and its override margin, then the
    /// attachment scorer on the same pages.
    /// `wording`: the headline-wording table the pages are read with, the bundled one but in a
    /// held-out evaluation.
    package static func fit(_ pages: [TruthPage], epochs: Int, trainedOn: String, wording: TitleWording = .bundled,
                            report: ((String) -> Void)? = nil) -> LineModel {
        var model = trainWithMargin(pages.map { LabelledPage($0, wording: wording) }, epochs: epochs, seed: 1, trainedOn: trainedOn) { epoch, wrong in
            report?("epoch \(epoch): \(wrong) lines wrong")
        }
        let decisions = pages.flatMap { AttachmentTraining.examples($0, wording: wording) }
        report?("attachment: \(decisions.count) placements left open by the conventions, which place \(decisions.filter { $0.rule == $0.truth }.count) right")
        model.attachment = AttachmentTraining.fit(decisions, epochs: epochs, seed: 2) { epoch, wrong in
            report?("attachment epoch \(epoch): \(wrong) placements wrong")
        }
        return model
    }

    /// Fits on all but every `every`-th page, then fits the override margin on those.
    package static func trainWithMargin(_ pages: [LabelledPage], every: Int = 8, epochs: Int, seed: UInt64, trainedOn: String,
                                        report: ((Int, Int) -> Void)? = nil) -> LineModel {
        let held = pages.indices.filter { $0 % every == every - 1 }
        let kept = pages.indices.filter { $0 % every != every - 1 }
        var model = train(kept.map { pages[$0] }, epochs: epochs, seed: seed,
                          trainedOn: trainedOn + "; override margin fitted on every \(every)th page (\(held.count))", report: report)
        model.overrideMargin = OverrideMargin.fit(model, on: held.map { pages[$0] })
        return model
    }

    /// Lines whose decoded label differs from the true one, over every page.
    package static func errors(_ model: LineModel, on pages: [LabelledPage]) -> (wrong: Int, lines: Int) {
        var wrong = 0, lines = 0
        for p in pages {
            let guess = model.decode(p.observation).labels
            wrong += zip(guess, p.labels).filter { $0 != $1 }.count
            lines += p.labels.count
        }
        return (wrong, lines)
    }
}
