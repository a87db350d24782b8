import embed from 'vega-embed';
console.log(embed);
