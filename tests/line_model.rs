//! The line model on hand-written pages in other scripts: the article (a headline, short
//! one-sentence paragraphs and long ones) stays content, the widgets around it are noise with a
//! subkind and a readable reason.

use straytext::{analyze, Options, Subkind, Verdict};

fn verdict(text: &str, report: &straytext::Report, line: &str) -> Verdict {
    let start = text.find(line).expect("line in text");
    report
        .lines
        .iter()
        .find(|l| l.byte_start == start)
        .map(|l| l.verdict)
        .expect("a verdict for the line")
}

fn check(text: &str, content: &[&str], noise: &[&str]) {
    let report = analyze(text, &Options::default());
    for line in content {
        assert_eq!(verdict(text, &report, line), Verdict::Content, "{line}");
    }
    for line in noise {
        assert_eq!(verdict(text, &report, line), Verdict::Noise, "{line}");
    }
    for f in report
        .findings
        .iter()
        .filter(|f| f.kind == straytext::Kind::UiText)
    {
        assert!(f.subkind.is_some(), "ui_text without a subkind");
        assert!(f.reason.len() > 10, "reason too short: {}", f.reason);
    }
}

const RUSSIAN: &str = "Главная
Новости
Политика
Экономика
Спорт
Подписаться
Переговоры в Дохе завершились без соглашения
Делегации двух стран провели в Дохе три дня закрытых переговоров, но так и не смогли договориться о графике вывода войск.
Об этом сообщили источники, знакомые с ходом встречи.
По словам одного из участников, стороны обсуждали обмен пленными, поставки гуманитарной помощи и порядок наблюдения за прекращением огня, однако каждая из них настаивала на своих условиях.
Следующий раунд запланирован на ноябрь.
Представители министерства иностранных дел отказались от комментариев, сославшись на конфиденциальность переговоров и просьбу посредников.
Аналитики считают, что без участия региональных держав договорённость вряд ли будет достигнута в ближайшие месяцы.
Поделиться
ВКонтакте
Telegram
12 комментариев
Читайте также
Курс рубля упал до минимума
Погода на выходные
© 2025 Новости дня
";

#[test]
fn russian_article_keeps_its_headline_and_short_paragraphs() {
    check(
        RUSSIAN,
        &[
            "Переговоры в Дохе завершились без соглашения",
            "Об этом сообщили источники, знакомые с ходом встречи.",
            "Следующий раунд запланирован на ноябрь.",
            "Аналитики считают, что без участия региональных держав договорённость вряд ли будет достигнута в ближайшие месяцы.",
        ],
        &["Главная", "Новости", "Подписаться", "Поделиться", "12 комментариев", "© 2025 Новости дня"],
    );
}

const CHINESE: &str = "首页
新闻
财经
体育
登录
注册
多哈谈判未能达成协议
双方代表团在多哈进行了为期三天的闭门谈判，但未能就撤军时间表达成一致。
消息人士透露了这一情况。
据一名参与者称，双方讨论了交换俘虏、运送人道主义援助以及监督停火的方式，但各自坚持本方的条件，谈判一度陷入僵局。
下一轮谈判定于十一月举行。
外交部发言人拒绝置评，称谈判内容需要保密，并表示将继续支持调解方的努力，希望各方保持克制。
分析人士认为，如果没有地区大国的参与，近期内很难达成协议，局势仍有可能出现反复。
分享到
微信
微博
评论（12）
相关阅读
人民币汇率创新低
周末天气预报
版权所有 © 2025
";

#[test]
fn chinese_article_keeps_its_headline_and_short_paragraphs() {
    check(
        CHINESE,
        &[
            "多哈谈判未能达成协议",
            "双方代表团在多哈进行了为期三天的闭门谈判，但未能就撤军时间表达成一致。",
            "下一轮谈判定于十一月举行。",
            "分析人士认为，如果没有地区大国的参与，近期内很难达成协议，局势仍有可能出现反复。",
        ],
        &[
            "首页",
            "新闻",
            "登录",
            "分享到",
            "微信",
            "评论（12）",
            "版权所有 © 2025",
        ],
    );
}

#[test]
fn a_menu_run_is_navigation_with_a_reason() {
    let report = analyze(RUSSIAN, &Options::default());
    let first = report
        .findings
        .iter()
        .find(|f| f.char_start == 0)
        .expect("the first menu item is flagged");
    assert_eq!(first.subkind, Some(Subkind::Navigation), "{}", first.reason);
    assert!(
        first.reason.contains("short lines") || first.reason.contains("menu"),
        "{}",
        first.reason
    );
}
