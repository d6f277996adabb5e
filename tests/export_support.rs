//! Hand-built works shaped like the reference paper's, shared by the export
//! tests.
#![allow(dead_code)]

use footcite::cite::CiteKind;
use footcite::model::{Date, DatePart, Item, ItemType, Language, Name, Season};
use footcite::resolve::{CitedIn, Work};

pub fn work(item: Item, footnote: u32) -> Work {
    Work {
        item: item.into(),
        cited_in: vec![CitedIn {
            footnote,
            citation: 0,
            kind: CiteKind::Full,
        }],
    }
}

fn person(family: &str, given: &str) -> Name {
    Name::person(family, given)
}

/// A dozen works covering every type, name form, date form and escape the
/// exporters handle.
pub fn sample_items() -> Vec<Item> {
    let mut items = Vec::new();

    let mut lynch = Item::new(ItemType::Chapter);
    lynch.author = vec![person("Lynch", "Allen")];
    lynch.title = Some(
        "Changing Soviet Elite Views on the International System and Soviet Foreign Policy".into(),
    );
    lynch.editor = vec![
        person("Fleron", "Frederic J.").with_parts(|p| p.suffix = Some("Jr.")),
        person("Hoffmann", "Erik P."),
        person("Laird", "Robbin F."),
    ];
    lynch.container_title = Some("Soviet Foreign Policy: from Brezhnev to Gorbachev".into());
    lynch.publisher_place = Some("New York".into());
    lynch.publisher = Some("Walter de Gruyter Inc.".into());
    lynch.issued = Some(Date::single(DatePart::year(1991)));
    lynch.language = Some(Language::English);
    items.push(lynch);

    let mut kozyrev = Item::new(ItemType::ArticleJournal);
    kozyrev.author = vec![person("Kozyrev", "Andrei")];
    kozyrev.title = Some("Partnership or Cold Peace?".into());
    kozyrev.container_title = Some("Foreign Policy".into());
    kozyrev.issue = Some("99".into());
    kozyrev.issued = Some(Date {
        start: DatePart::year(1995),
        end: None,
        season: Some(Season::Summer),
    });
    kozyrev.language = Some(Language::English);
    items.push(kozyrev);

    let mut communique = Item::new(ItemType::ArticleMagazine);
    communique.title = Some("Sino-Soviet Joint Communique".into());
    communique.container_title = Some("Beijing Review".into());
    communique.issued = Some(Date::range(
        DatePart::day(1989, 5, 29),
        DatePart::day(1989, 6, 4),
    ));
    communique.language = Some(Language::English);
    items.push(communique);

    let mut rogov = Item::new(ItemType::ArticleJournal);
    rogov.author = vec![person("Rogov", "Sergei")];
    rogov.title =
        Some("Russia and the United States: A Partnership or Another Disengagement".into());
    rogov.container_title = Some("International Affairs".into());
    rogov.publisher_place = Some("Moscow".into());
    rogov.volume = Some("7".into());
    rogov.issued = Some(Date::single(DatePart::year(1995)));
    rogov.language = Some(Language::English);
    items.push(rogov);

    let mut yeltsin = Item::new(ItemType::ArticleNewspaper);
    yeltsin.title = Some(
        "Full Text of Yeltsin's Address, and Answers to Questions, at Press Conference".into(),
    );
    yeltsin.container_title = Some("SWB".into());
    yeltsin.issue = Some("FE/1569".into());
    yeltsin.issued = Some(Date::single(DatePart::day(1992, 12, 21)));
    yeltsin.extra_mut().original_publisher = Some("ITAR-TASS".into());
    yeltsin.extra_mut().original_date = Some(Date::single(DatePart::day(1992, 12, 19)));
    yeltsin.language = Some(Language::English);
    items.push(yeltsin);

    let mut xiong = Item::new(ItemType::Book);
    xiong.author = vec![person("熊", "光楷")];
    xiong.title = Some("國際戰略與新軍事變革".into());
    xiong.publisher_place = Some("北京".into());
    xiong.publisher = Some("清華大學出版社".into());
    xiong.issued = Some(Date::single(DatePart::year(2003)));
    xiong.language = Some(Language::ChineseTraditional);
    items.push(xiong);

    let mut liang = Item::new(ItemType::Book);
    liang.editor = vec![person("梁", "月槐")];
    liang.title = Some("外國國家安全戰略與軍事戰略教程".into());
    liang.publisher_place = Some("北京".into());
    liang.publisher = Some("軍事科學出版社".into());
    liang.issued = Some(Date::single(DatePart::year(1999)));
    liang.language = Some(Language::ChineseTraditional);
    items.push(liang);

    let mut news = Item::new(ItemType::ArticleNewspaper);
    news.title = Some("中俄簽十五年軍事合作計畫".into());
    news.container_title = Some("中國時報".into());
    news.issued = Some(Date::single(DatePart::day(2000, 2, 8)));
    news.language = Some(Language::ChineseTraditional);
    items.push(news);

    let mut dod = Item::new(ItemType::Report);
    dod.author = vec![Name::literal("US DoD")];
    dod.title = Some("The Military Power of the People’s Republic of China 2005".into());
    dod.publisher_place = Some("Washington, DC".into());
    dod.publisher = Some("US DoD".into());
    dod.issued = Some(Date::single(DatePart::year(2005)));
    dod.language = Some(Language::English);
    items.push(dod);

    let mut pollack = Item::new(ItemType::Report);
    pollack.author = vec![person("Pollack", "Jonathan D.")];
    pollack.title = Some("Chinese Military Power and American Security Interests".into());
    pollack.collection_title = Some("SAIS Policy Forum Series".into());
    pollack.extra_mut().collection_number = Some("11".into());
    pollack.publisher_place = Some("Baltimore, MA".into());
    pollack.publisher = Some("The Johns Hopkins University".into());
    pollack.issued = Some(Date::single(DatePart::year(2000)));
    pollack.language = Some(Language::English);
    items.push(pollack);

    let mut fisher = Item::new(ItemType::Chapter);
    fisher.author = vec![person("Fisher", "Richard")];
    fisher.title = Some("The ROC Air Force after Next".into());
    fisher.editor = vec![person("Edmonds", "Martin"), person("Tsai", "Michael M.")];
    fisher.container_title = Some("Taiwan’s Security and Air Power".into());
    fisher.publisher_place = Some("London".into());
    fisher.publisher = Some("Routledge".into());
    fisher.issued = Some(Date::single(DatePart::year(2004)));
    fisher.page = Some("164–165".into());
    fisher.language = Some(Language::English);
    items.push(fisher);

    let mut nasty = Item::new(ItemType::ArticleJournal);
    nasty.author = vec![
        person("Berg", "Jan").with_parts(|p| p.particle = Some("van der")),
        Name::literal("Research and Analysis Branch"),
    ];
    nasty.title = Some(r"100% of $5 & #1_a ~b^c \d {e} -- PLA".into());
    nasty.container_title = Some("Journal of A & B".into());
    nasty.volume = Some("1991/1992".into());
    nasty.issued = Some(Date::single(DatePart::month(1996, 6)));
    nasty.page = Some("29-55".into());
    nasty.url = Some("https://example.org/a_b?c=1&d=2%20".into());
    nasty.extra_mut().accessed = Some(Date::single(DatePart::day(2020, 1, 2)));
    nasty.extra_mut().note = Some("In Russian".into());
    items.push(nasty);

    footcite::keys::assign_keys(&mut items);
    items
}

pub fn sample_works() -> Vec<Work> {
    sample_items()
        .into_iter()
        .enumerate()
        .map(|(i, item)| work(item, i as u32 + 1))
        .collect()
}
